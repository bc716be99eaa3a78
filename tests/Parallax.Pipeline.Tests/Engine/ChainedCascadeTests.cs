using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Engine;

/// <summary>
/// Chained cascade steps (<c>from:</c>) end to end with <see cref="ChainInstrument"/>: every value
/// below follows from the frames written here. Bias frames are 10, so the master bias is 10 and the
/// bad-pixel map made from it is 10; a reduced frame is its raw value minus both (500 − 20 = 480);
/// a stack is the sum of the reduced frames it takes.
/// </summary>
public class ChainedCascadeTests
{
    private const float Reduced = 500 - 10 - 10;

    /// <summary>3 biases; V science frames at 19:00 (2) and 23:30 (2), R at 20:00 (2): the two V groups lie more than the 3-hour gap apart.</summary>
    private static void Night(EngineFixture fx, Func<string, (float Value, (string, object?)[] Extra)?>? mark = null)
    {
        (float, (string, object?)[]) Of(string n, float value) => mark?.Invoke(n) ?? (value, []);
        for (var i = 1; i <= 3; i++) fx.Frame($"bias{i}.fits", "BIAS", 10, $"2024-03-01T18:0{i}:00");
        foreach (var (name, date, filter) in new[]
        {
            ("sciV1", "2024-03-01T19:00:00", "V"), ("sciV2", "2024-03-01T19:01:00", "V"),
            ("sciR1", "2024-03-01T20:00:00", "R"), ("sciR2", "2024-03-01T20:01:00", "R"),
            ("sciV3", "2024-03-01T23:30:00", "V"), ("sciV4", "2024-03-01T23:31:00", "V"),
        })
        {
            var (value, extra) = Of(name, 500);
            fx.Frame($"{name}.fits", "OBJECT", value, date, filter, extra);
        }
    }

    private static (float, (string, object?)[])? Mark(float value, params (string, object?)[] extra) => (value, extra);

    private static CascadePlan Plan(EngineFixture fx)
        => Organiser.Organise(fx.Raw, new OrganiseOptions { Catalog = ChainInstrument.Catalog, CalibrationDatabase = fx.Database }).Plan;

    private static (ExecutionSummary Summary, TestRecipe Reduce, TestRecipe Stack) Reduce(EngineFixture fx, bool withStack = true)
    {
        var recipes = ChainInstrument.Recipes(withStack);
        var nodes = CascadeNodes.FromPlan(Plan(fx), recipes.Registry, []);
        var summary = CascadeExecutor.Run(nodes, fx.Engine(), new ExecutorOptions { MaxParallelism = 2 });
        return (summary, recipes.Reduce, recipes.Stack);
    }

    private static TaskReport Of(ExecutionSummary s, string id) => s.Reports.Single(r => r.TaskId == id);

    public class Plan_
    {
        [Fact]
        public void Given_a_chained_cascade_When_planned_Then_chained_tasks_follow_their_upstream_and_group_by_merges_the_groups_of_one_filter()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var plan = Plan(fx);
            Assert.Equal(["make_bias:BIAS-1", "make_bpm:BIAS-1", "reduce:SCIENCE-1", "reduce:SCIENCE-2", "reduce:SCIENCE-3", "stack:SCIENCE-1+2", "stack:SCIENCE-3"], plan.Tasks.Select(t => t.Id));
            var stackV = plan.Find("stack:SCIENCE-1+2")!;
            Assert.Equal(["reduce:SCIENCE-1", "reduce:SCIENCE-2"], stackV.Upstream.Select(u => u.Id));
            Assert.Equal(["reduce:SCIENCE-1", "reduce:SCIENCE-2"], stackV.DependsOn);
            Assert.Equal(("REDUCED", "V", 4), (stackV.InputCategory, stackV.Group.Keys["filter"], stackV.Group.Frames.Count));
            Assert.Equal("STACK_SCIENCE-1+2", stackV.ProductName);
            // The bad-pixel map, a chained step listed after reduce, calibrates the science frames.
            var reduce = plan.Find("reduce:SCIENCE-1")!;
            Assert.Equal(["make_bias:BIAS-1", "make_bpm:BIAS-1"], reduce.DependsOn);
            Assert.Equal("make_bpm:BIAS-1", reduce.Calibrations.Single(c => c.Rule.Calibration == "MASTER_BPM").ProducerTaskId);
            Assert.All(plan.Tasks, t => Assert.Equal(CascadeTaskStatus.Ready, t.Status));
        }

        [Fact]
        public void Given_no_group_by_When_planned_Then_a_chained_step_makes_one_task_per_upstream_task_with_its_group_id()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var bpm = Plan(fx).Find("make_bpm:BIAS-1")!;
            Assert.Equal(["make_bias:BIAS-1"], bpm.Upstream.Select(u => u.Id));
            Assert.Equal("MASTER_BPM_BIAS-1", bpm.ProductName);
        }

        [Fact]
        public void Given_a_blocked_upstream_task_When_planned_Then_the_chained_task_is_blocked_too()
        {
            using var fx = new EngineFixture();
            Night(fx);
            foreach (var f in Directory.GetFiles(fx.Raw, "bias*")) File.Delete(f);
            var plan = Plan(fx);
            var stack = plan.Find("stack:SCIENCE-3")!;
            Assert.Equal(CascadeTaskStatus.Blocked, stack.Status);
            Assert.Contains("waits on blocked reduce:SCIENCE-3", stack.Notes);
        }
    }

    public class Cycles
    {
        [Fact]
        public void Given_a_definition_built_in_code_with_a_cycle_When_planned_and_run_Then_the_cycle_is_named_and_nothing_in_it_runs()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var d = ChainInstrument.Definition;
            // The loader refuses this file; a definition assembled in code reaches the planner unchecked.
            var cyclic = new InstrumentDefinition
            {
                Name = d.Name, SourceFile = d.SourceFile, Identity = d.Identity, Keywords = d.Keywords, Classification = d.Classification, Grouping = d.Grouping, Cascade = d.Cascade,
                Associations = [.. d.Associations, new AssociationRule { TargetCategory = "BIAS", Calibration = "MASTER_BPM", MatchKeys = ["binning"] }],
            };
            var plan = Organiser.Organise(fx.Raw, new OrganiseOptions { Catalog = InstrumentCatalog.FromDefinitions([cyclic]) }).Plan;
            var bias = plan.Find("make_bias:BIAS-1")!;
            Assert.Equal((CascadeTaskStatus.Blocked, "make_bias:BIAS-1 -> make_bpm:BIAS-1 -> make_bias:BIAS-1"), (bias.Status, bias.Cycle));
            Assert.All(plan.Tasks, t => Assert.Equal(CascadeTaskStatus.Blocked, t.Status));
            var recipes = ChainInstrument.Recipes();
            var s = CascadeExecutor.Run(CascadeNodes.FromPlan(plan, recipes.Registry, []), fx.Engine(), new ExecutorOptions());
            Assert.Equal("dependency cycle: make_bias:BIAS-1 -> make_bpm:BIAS-1 -> make_bias:BIAS-1", Of(s, "make_bias:BIAS-1").Message);
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Blocked, r.State));
            Assert.Equal(0, recipes.Reduce.Runs);
        }
    }

    public class Run
    {
        [Fact]
        public void Given_a_chained_night_When_reduced_Then_each_stack_is_the_sum_of_the_reduced_frames_of_its_filter()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var (s, reduce, stack) = Reduce(fx);
            Assert.All(s.Reports, r => Assert.Equal(TaskState.Done, r.State));
            Assert.Equal((3, 2), (reduce.Runs, stack.Runs));
            // The reduced frames used the bad-pixel map made by the chained step: 500 - 10 - 10.
            Assert.All(EngineFixture.Pixels(Path.Combine(fx.Output, "REDUCED_sciV1.fits"), "SCI"), v => Assert.Equal(Reduced, v));
            var stackV = Assert.Single(Of(s, "stack:SCIENCE-1+2").Products);
            Assert.Equal(Path.Combine(fx.Output, "STACK_SCIENCE-1+2.fits"), stackV.Path);
            Assert.All(EngineFixture.Pixels(stackV.Path, "SCI"), v => Assert.Equal(4 * Reduced, v));
            Assert.All(EngineFixture.Pixels(Of(s, "stack:SCIENCE-3").Products[0].Path, "SCI"), v => Assert.Equal(2 * Reduced, v));
            var h = EngineFixture.PrimaryHeader(stackV.Path);
            Assert.Equal(4L, h.GetInt64("NINPUTS"));
            Assert.Equal(["REDUCED_sciV1.fits", "REDUCED_sciV2.fits", "REDUCED_sciV3.fits", "REDUCED_sciV4.fits"], Enumerable.Range(1, 4).Select(i => h.GetString($"INPUT{i}")).Order());
            Assert.Equal("REDUCED", h.GetString("INCAT1"));
            Assert.Equal(EngineFixture.Sha256(Path.Combine(fx.Output, h.GetString("INPUT1"))), h.GetString("INSHA1"));
            Assert.Equal("STACK", Assert.Single(fx.Database.List(new CalibrationFilter(Category: "STACK")), r => r.Path == stackV.Path).Category);
        }

        [Fact]
        public void Given_a_reduced_product_that_fails_QC_When_reduced_Then_the_stack_leaves_it_out_and_says_so()
        {
            using var fx = new EngineFixture();
            Night(fx, n => n == "sciV3" ? Mark(5000) : null);
            var (s, _, _) = Reduce(fx);
            var reduce = Of(s, "reduce:SCIENCE-2");
            Assert.Equal(TaskState.QcFailed, reduce.State);
            Assert.Equal(CalibrationQuality.Bad, reduce.Products.Single(p => p.DerivedFrom == "sciV3.fits").Quality);
            var stack = Of(s, "stack:SCIENCE-1+2");
            Assert.Equal(TaskState.Done, stack.State);
            Assert.All(EngineFixture.Pixels(stack.Products[0].Path, "SCI"), v => Assert.Equal(3 * Reduced, v));
            var left = Assert.Single(stack.Skipped);
            Assert.Equal("REDUCED_sciV3.fits", left.Name);
            Assert.Equal("marked bad by QC (level = 4980 is above the maximum 1000 (chain-test.yaml))", left.Reason);
            Assert.Equal(3L, EngineFixture.PrimaryHeader(stack.Products[0].Path).GetInt64("NINPUTS"));
        }

        [Fact]
        public void Given_every_upstream_product_bad_When_reduced_Then_the_chained_task_is_blocked_with_the_reasons()
        {
            using var fx = new EngineFixture();
            Night(fx, n => n.StartsWith("sciR", StringComparison.Ordinal) ? Mark(5000) : null);
            var (s, _, stack) = Reduce(fx);
            var blocked = Of(s, "stack:SCIENCE-3");
            Assert.Equal(TaskState.Blocked, blocked.State);
            Assert.StartsWith("needs REDUCED from reduce:SCIENCE-3, but none is usable: REDUCED_sciR1.fits marked bad by QC (level = 4980", blocked.Message);
            Assert.Contains("REDUCED_sciR2.fits marked bad by QC", blocked.Message);
            Assert.Equal(1, stack.Runs);
        }

        [Fact]
        public void Given_an_upstream_task_that_fails_When_reduced_Then_its_chained_task_is_blocked_and_the_others_run()
        {
            using var fx = new EngineFixture();
            Night(fx, n => n == "sciR1" ? Mark(500, ("FAILME", true)) : null);
            var (s, _, stack) = Reduce(fx);
            Assert.Equal(TaskState.AlgorithmFailed, Of(s, "reduce:SCIENCE-3").State);
            var blocked = Of(s, "stack:SCIENCE-3");
            Assert.Equal(TaskState.Blocked, blocked.State);
            Assert.Equal("needs REDUCED from reduce:SCIENCE-3, but none is usable: reduce:SCIENCE-3 failed: frame marked FAILME", blocked.Message);
            Assert.Equal(TaskState.Done, Of(s, "stack:SCIENCE-1+2").State);
            Assert.Equal(1, stack.Runs);
        }

        [Fact]
        public void Given_one_of_two_merged_upstream_tasks_failing_When_reduced_Then_the_stack_takes_the_other_and_names_the_failure()
        {
            using var fx = new EngineFixture();
            Night(fx, n => n == "sciV3" ? Mark(500, ("FAILME", true)) : null);
            var (s, _, _) = Reduce(fx);
            var stack = Of(s, "stack:SCIENCE-1+2");
            Assert.Equal(TaskState.Done, stack.State);
            Assert.All(EngineFixture.Pixels(stack.Products[0].Path, "SCI"), v => Assert.Equal(2 * Reduced, v));
            var left = Assert.Single(stack.Skipped);
            Assert.Equal(("REDUCED of reduce:SCIENCE-2", "reduce:SCIENCE-2 failed: frame marked FAILME"), (left.Name, left.Reason));
        }

        [Fact]
        public void Given_a_reduced_chained_night_When_reduced_again_Then_every_task_is_up_to_date_and_no_recipe_runs()
        {
            using var fx = new EngineFixture();
            Night(fx, n => n == "sciV3" ? Mark(5000) : null);
            Reduce(fx);
            var (again, reduce, stack) = Reduce(fx);
            Assert.Equal((0, 0), (reduce.Runs, stack.Runs));
            Assert.Equal(TaskState.QcFailed, Of(again, "reduce:SCIENCE-2").State);
            Assert.All(again.Reports.Where(r => r.TaskId != "reduce:SCIENCE-2"), r => Assert.Equal(TaskState.UpToDate, r.State));
            // The product left out is still reported, from the manifest of the run that made the stack.
            Assert.Equal("REDUCED_sciV3.fits", Assert.Single(Of(again, "stack:SCIENCE-1+2").Skipped).Name);
        }

        [Fact]
        public void Given_a_changed_upstream_input_When_reduced_again_Then_the_chain_below_it_is_redone()
        {
            using var fx = new EngineFixture();
            Night(fx);
            Reduce(fx);
            fx.Frame("sciR2.fits", "OBJECT", 600, "2024-03-01T20:01:00", "R");
            var (again, reduce, stack) = Reduce(fx);
            Assert.Equal((1, 1), (reduce.Runs, stack.Runs));
            Assert.Equal(TaskState.Done, Of(again, "stack:SCIENCE-3").State);
            Assert.Equal(TaskState.UpToDate, Of(again, "stack:SCIENCE-1+2").State);
            Assert.All(EngineFixture.Pixels(Of(again, "stack:SCIENCE-3").Products[0].Path, "SCI"), v => Assert.Equal(Reduced + Reduced + 100, v));
        }

        [Fact]
        public void Given_a_chained_step_whose_recipe_is_not_registered_When_reduced_Then_it_is_reported_unknown_and_the_rest_is_done()
        {
            using var fx = new EngineFixture();
            Night(fx);
            var (s, _, _) = Reduce(fx, withStack: false);
            Assert.Equal(TaskState.UnknownRecipe, Of(s, "stack:SCIENCE-1+2").State);
            Assert.StartsWith("no recipe named 'stack' (asked for by chain-test for REDUCED", Of(s, "stack:SCIENCE-1+2").Message);
            Assert.All(s.Reports.Where(r => r.Recipe != "stack"), r => Assert.Equal(TaskState.Done, r.State));
        }
    }

    public class Qc
    {
        [Fact]
        public void Given_per_input_products_and_a_chained_product_When_written_Then_each_header_carries_its_own_QC_value_and_verdict()
        {
            using var fx = new EngineFixture();
            Night(fx, n => n == "sciV3" ? Mark(5000) : null);
            var (s, _, _) = Reduce(fx);
            var good = EngineFixture.PrimaryHeader(Path.Combine(fx.Output, "REDUCED_sciV1.fits"));
            Assert.Equal((Reduced, "PASS", "provisional"), (good.GetDouble("PARALLAX QC LEVEL"), good.GetString("QCSTATUS"), good.GetString("QUALITY")));
            Assert.False(good.Contains("QCFAIL1"));
            var bad = EngineFixture.PrimaryHeader(Path.Combine(fx.Output, "REDUCED_sciV3.fits"));
            Assert.Equal((5000.0 - 20, "FAIL", "bad"), (bad.GetDouble("PARALLAX QC LEVEL"), bad.GetString("QCSTATUS"), bad.GetString("QUALITY")));
            Assert.Equal("level = 4980 is above the maximum 1000 (chain-test.yaml)", bad.GetString("QCFAIL1"));
            // No range for STACK: its QC value is recorded and passes.
            var stack = EngineFixture.PrimaryHeader(Of(s, "stack:SCIENCE-1+2").Products[0].Path);
            Assert.Equal((3 * Reduced, "PASS"), (stack.GetDouble("PARALLAX QC LEVEL"), stack.GetString("QCSTATUS")));
            Assert.Equal(CalibrationQuality.Bad, Assert.Single(fx.Database.List(new CalibrationFilter(Category: "REDUCED")), r => r.Path.EndsWith("REDUCED_sciV3.fits", StringComparison.Ordinal)).Quality);
        }
    }

    public class FileSet
    {
        [Fact]
        public void Given_product_files_When_run_as_one_recipe_Then_their_category_comes_from_PRODCATG_and_they_are_summed()
        {
            using var fx = new EngineFixture();
            Night(fx);
            Reduce(fx);
            var recipe = new TestRecipe("stack", ["REDUCED"], [], "STACK");
            string[] files = [Path.Combine(fx.Output, "REDUCED_sciR1.fits"), Path.Combine(fx.Output, "REDUCED_sciR2.fits")];
            var built = FileSetTask.Build(recipe, files.Select(f => (f, (string?)null)).ToList(), ChainInstrument.Catalog, null, [ParameterFiles.FromPairs(["mode=sum"])], stem: "manual");
            Assert.Empty(built.Problems);
            Assert.All(built.Request.Inputs, i => Assert.Equal("REDUCED", i.Category));
            Assert.Equal("chain-test", built.Request.Instrument!.Name);
            var report = new RecipeEngine(new EngineOptions { OutputFolder = Path.Combine(fx.Output, "manual") }).Run(built.Request);
            Assert.Equal(TaskState.Done, report.State);
            Assert.All(EngineFixture.Pixels(report.Products[0].Path, "SCI"), v => Assert.Equal(2 * Reduced, v));
        }
    }
}
