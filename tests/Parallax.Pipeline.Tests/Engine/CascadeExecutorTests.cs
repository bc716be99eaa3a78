using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Engine;

public class CascadeExecutorTests
{
    /// <summary>
    /// A night of the engine-test instrument: 3 biases, 2 V flats, 2 R flats, 2 V and 2 R science
    /// frames; <paramref name="mark"/> adds header cards to chosen frames (FAILME, SKIPME ...).
    /// </summary>
    private static void Night(EngineFixture fx, float biasLevel = 10, Func<string, (string, object?)[]>? mark = null)
    {
        (string, object?)[] Extra(string n) => mark?.Invoke(n) ?? [];
        for (var i = 1; i <= 3; i++) fx.Frame($"bias{i}.fits", "BIAS", biasLevel, $"2024-03-01T18:0{i}:00", extra: Extra($"bias{i}"));
        foreach (var (f, hour) in new[] { ("V", 0), ("R", 1) })
        {
            for (var i = 1; i <= 2; i++)
            {
                fx.Frame($"flat{f}{i}.fits", "FLAT", 1000, $"2024-03-01T18:{3 + hour}{i}:00", f, Extra($"flat{f}{i}"));
                fx.Frame($"sci{f}{i}.fits", "OBJECT", 500, $"2024-03-01T2{hour}:0{i}:00", f, Extra($"sci{f}{i}"));
            }
        }
    }

    private static (ExecutionSummary Summary, (RecipeRegistry Registry, TestRecipe Bias, TestRecipe Flat, TestRecipe Science) Recipes) Reduce(
        EngineFixture fx, IReadOnlyList<ParameterLayer>? layers = null, ExecutorOptions? options = null, CancellationToken cancellation = default, IExecutionObserver? observer = null)
    {
        var recipes = EngineInstrument.Recipes();
        var organised = Organiser.Organise(fx.Raw, new OrganiseOptions { Catalog = EngineInstrument.Catalog, CalibrationDatabase = fx.Database });
        var nodes = CascadeNodes.FromPlan(organised.Plan, recipes.Registry, layers ?? []);
        var summary = CascadeExecutor.Run(nodes, fx.Engine(), options ?? new ExecutorOptions { MaxParallelism = 2 }, observer, cancellation);
        return (summary, recipes);
    }

    private static TaskReport Of(ExecutionSummary s, string id) => s.Reports.Single(r => r.TaskId == id);

    public class Run
    {
        [Fact]
        public void Given_a_night_When_reduced_Then_every_task_is_done_in_dependency_order_and_products_are_registered()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var (s, recipes) = Reduce(fx);
            Assert.Equal(["make_bias:BIAS-1", "make_flat:FLAT-1", "make_flat:FLAT-2", "make_science:SCIENCE-1", "make_science:SCIENCE-2"], s.Reports.Select(r => r.TaskId));
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Done, r.State));
            Assert.Equal((1, 2, 2), (recipes.Bias.Runs, recipes.Flat.Runs, recipes.Science.Runs));
            // flat = 1000 - bias 10; science = 500 - bias 10 - flat 990.
            Assert.All(EngineFixture.Pixels(Of(s, "make_flat:FLAT-1").Products[0].Path, "SCI"), v => Assert.Equal(990f, v));
            Assert.All(EngineFixture.Pixels(Of(s, "make_science:SCIENCE-1").Products[0].Path, "SCI"), v => Assert.Equal(-500f, v));
            Assert.Equal(["MASTER_BIAS", "MASTER_FLAT", "MASTER_FLAT", "SCIENCE_PRODUCT", "SCIENCE_PRODUCT", "SCIENCE_PRODUCT", "SCIENCE_PRODUCT"],
                fx.Database.List(CalibrationFilter.All).Select(r => r.Category).Order());
            var flatV = fx.Database.List(new CalibrationFilter(Category: "MASTER_FLAT")).Single(r => r.Keys["filter"] == "V");
            Assert.Equal(Of(s, "make_flat:FLAT-1").Products[0].Path, flatV.Path);
        }

        [Fact]
        public void Given_a_reduced_night_When_reduced_again_Then_every_task_is_up_to_date_and_no_recipe_runs()
        {
            using var fx = new EngineFixture();
            Night(fx);
            Reduce(fx);
            var (again, recipes) = Reduce(fx);
            Assert.All(again.Reports, r => Assert.Equal(TaskState.UpToDate, r.State));
            Assert.Equal((0, 0, 0), (recipes.Bias.Runs, recipes.Flat.Runs, recipes.Science.Runs));
            Assert.Equal(7, fx.Database.List(CalibrationFilter.All).Count);
        }

        [Fact]
        public void Given_a_failing_task_When_reduced_Then_only_its_dependents_are_blocked_and_the_rest_is_done()
        {
            using var fx = new EngineFixture();
            Night(fx, mark: n => n == "flatV2" ? [("FAILME", true)] : []);
            var (s, recipes) = Reduce(fx);
            Assert.Equal(TaskState.AlgorithmFailed, Of(s, "make_flat:FLAT-1").State);
            var blocked = Of(s, "make_science:SCIENCE-1");
            Assert.Equal(TaskState.Blocked, blocked.State);
            Assert.Equal("needs MASTER_FLAT from make_flat:FLAT-1, which failed: frame marked FAILME", blocked.Message);
            Assert.Equal((TaskState.Done, TaskState.Done, TaskState.Done), (Of(s, "make_bias:BIAS-1").State, Of(s, "make_flat:FLAT-2").State, Of(s, "make_science:SCIENCE-2").State));
            Assert.Equal(1, recipes.Science.Runs);
            Assert.Equal((3, 1, 1), (s.Done, s.Failed, s.Blocked));
            Assert.False(s.AllSucceeded);
        }

        [Fact]
        public void Given_a_master_bias_that_fails_QC_When_reduced_Then_it_is_marked_bad_and_nothing_that_needs_it_runs()
        {
            using var fx = new EngineFixture();
            Night(fx, biasLevel: 500);
            var (s, recipes) = Reduce(fx);
            Assert.Equal(TaskState.QcFailed, Of(s, "make_bias:BIAS-1").State);
            Assert.All(s.Reports.Skip(1), r => Assert.Equal((TaskState.Blocked, true), (r.State, r.Message.Contains("whose product failed QC"))));
            Assert.StartsWith("needs MASTER_BIAS from make_bias:BIAS-1, whose product failed QC: MASTER_BIAS_BIAS-1.fits failed QC: level = 500", Of(s, "make_flat:FLAT-1").Message);
            Assert.Equal((0, 0), (recipes.Flat.Runs, recipes.Science.Runs));
            Assert.Equal(CalibrationQuality.Bad, Assert.Single(fx.Database.List(CalibrationFilter.All)).Quality);
        }

        [Fact]
        public void Given_an_unreadable_frame_in_the_middle_of_the_night_When_reduced_Then_it_is_reported_and_the_rest_is_reduced()
        {
            using var fx = new EngineFixture();
            Night(fx);
            using (var s1 = new FileStream(Path.Combine(fx.Raw, "sciV1.fits"), FileMode.Open)) s1.SetLength(2880 + 16);
            var (s, _) = Reduce(fx);
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Done, r.State));
            var science = Of(s, "make_science:SCIENCE-1");
            Assert.Equal("sciV1.fits", Assert.Single(science.Skipped).Name);
            Assert.Equal(["SCIENCE_PRODUCT_sciV2.fits"], science.Products.Select(p => Path.GetFileName(p.Path)));
            Assert.Equal(1, s.SkippedInputs);
        }

        [Fact]
        public void Given_a_parameter_scoped_to_one_recipe_When_reduced_Then_only_that_recipe_sees_it()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var (s, _) = Reduce(fx, [ParameterFiles.FromPairs(["make_flat.scale=2"])]);
            Assert.All(EngineFixture.Pixels(Of(s, "make_flat:FLAT-1").Products[0].Path, "SCI"), v => Assert.Equal(1980f, v));
            Assert.All(EngineFixture.Pixels(Of(s, "make_bias:BIAS-1").Products[0].Path, "SCI"), v => Assert.Equal(10f, v));
        }

        [Fact]
        public void Given_a_missing_calibration_at_planning_When_reduced_Then_the_task_is_blocked_with_the_selection_explanation()
        {
            using var fx = new EngineFixture();
            Night(fx);
            foreach (var f in Directory.GetFiles(fx.Raw, "bias*")) File.Delete(f);
            var (s, recipes) = Reduce(fx);
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Blocked, r.State));
            Assert.StartsWith("missing MASTER_BIAS: no MASTER_BIAS for FLAT group FLAT-1", Of(s, "make_flat:FLAT-1").Message);
            Assert.Contains("no MASTER_BIAS is known at all", Of(s, "make_flat:FLAT-1").Detail);
            Assert.Equal(0, recipes.Flat.Runs);
        }
    }

    public class Scheduling
    {
        [Fact]
        public void Given_two_workers_When_five_slow_independent_tasks_run_Then_two_run_at_once_and_never_more()
        {
            using var fx = new EngineFixture();
            var recipe = new TestRecipe("slow", ["BIAS"], [], "MASTER_BIAS");
            var nodes = Enumerable.Range(1, 5).Select(i => Node(fx, recipe, $"t{i}", 0)).ToList();
            var s = CascadeExecutor.Run(nodes, fx.Engine(withDatabase: false), new ExecutorOptions { MaxParallelism = 2, MemoryBudget = long.MaxValue });
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Done, r.State));
            Assert.Equal(2, recipe.PeakConcurrency);
        }

        [Fact]
        public void Given_tasks_that_together_exceed_the_memory_budget_When_run_Then_they_run_one_at_a_time()
        {
            using var fx = new EngineFixture();
            var recipe = new TestRecipe("slow", ["BIAS"], [], "MASTER_BIAS");
            var nodes = Enumerable.Range(1, 3).Select(i => Node(fx, recipe, $"t{i}", 600)).ToList();
            var s = CascadeExecutor.Run(nodes, fx.Engine(withDatabase: false), new ExecutorOptions { MaxParallelism = 4, MemoryBudget = 1000 });
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Done, r.State));
            Assert.Equal(1, recipe.PeakConcurrency);
        }

        [Fact]
        public void Given_an_optional_dependency_that_failed_When_run_Then_the_dependent_still_runs_without_it()
        {
            using var fx = new EngineFixture();
            var failing = new TestRecipe("fails", ["BIAS"], [], "MASTER_DARK");
            var user = new TestRecipe("user", ["BIAS"], [], "MASTER_FLAT");
            var bad = fx.Frame("bad.fits", "BIAS", 1, extra: ("FAILME", true));
            var a = Node(fx, failing, "a", 0, [bad]);
            var b = new ExecutionNode
            {
                Id = "b", Recipe = "user", Dependencies = [new NodeDependency("a", "MASTER_DARK", Required: false)],
                Build = _ => Rename(EngineFixture.Request(user, [fx.Frame("ok.fits", "BIAS", 1)]), "b"),
            };
            var s = CascadeExecutor.Run([a, b], fx.Engine(withDatabase: false), new ExecutorOptions());
            Assert.Equal((TaskState.AlgorithmFailed, TaskState.Done), (s.Reports[0].State, s.Reports[1].State));
        }

        [Fact]
        public void Given_a_cancelled_run_When_executed_Then_nothing_starts_and_every_task_is_reported_cancelled()
        {
            using var fx = new EngineFixture();
            Night(fx);
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            var (s, recipes) = Reduce(fx, cancellation: cts.Token);
            Assert.True(s.Cancelled);
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Cancelled, r.State));
            Assert.Equal(0, recipes.Bias.Runs);
        }

        [Fact]
        public void Given_an_observer_When_a_night_is_reduced_Then_it_hears_every_start_and_finish_once()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var observer = new Recorder();
            Reduce(fx, observer: observer);
            Assert.Equal(5, observer.Started.Count);
            Assert.Equal(observer.Started.Order(), observer.Finished.Order());
            Assert.True(observer.Finished.IndexOf("make_bias:BIAS-1") < observer.Started.IndexOf("make_flat:FLAT-1"));
        }

        private static ExecutionNode Node(EngineFixture fx, TestRecipe recipe, string id, long memory, string[]? inputs = null) => new()
        {
            Id = id,
            Recipe = recipe.Name,
            MemoryEstimate = memory,
            Build = _ => Rename(EngineFixture.Request(recipe, inputs ?? [fx.Frame($"{id}.fits", "BIAS", 1)], cli: ["sleep_ms=300"]), id),
        };

        private static TaskRequest Rename(TaskRequest r, string id) => new()
        {
            Id = id, Recipe = r.Recipe, Instrument = r.Instrument, Inputs = r.Inputs, Calibrations = r.Calibrations, ProductStem = id, Target = r.Target, ParameterLayers = r.ParameterLayers,
        };

        private sealed class Recorder : IExecutionObserver
        {
            public List<string> Started { get; } = [];

            public List<string> Finished { get; } = [];

            public void TaskStarted(ExecutionNode node) => Started.Add(node.Id);

            public void TaskFinished(TaskReport report) => Finished.Add(report.TaskId);
        }
    }
}
