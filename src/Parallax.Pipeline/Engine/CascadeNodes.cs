using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Turns the organiser's cascade plan into an execution graph: one node per task, waiting on the
/// tasks that make its calibrations and, for a chained task, on the upstream tasks whose products
/// are its inputs. A task whose required calibration is missing is blocked before anything runs
/// (with the selection's explanation); one whose recipe is not registered fails. A chained task
/// takes the usable products of its upstream tasks: a product marked bad by QC, or the products of
/// an upstream task that failed, are left out and reported as skipped inputs; when nothing usable
/// is left the task is blocked with the reasons.
/// </summary>
public static class CascadeNodes
{
    /// <summary>
    /// Bytes of memory per byte of raw file: a stored 16-bit pixel becomes float data, variance and
    /// mask (10 bytes, 5×); the recipe's working copy and its products add about as much twice more
    /// (measured: a 20-frame 1024² group peaks near 15× its file size).
    /// </summary>
    private const long MemoryFactor = 15;

    /// <summary>The nodes of a plan, in its order.</summary>
    /// <param name="plan">The organiser's plan.</param>
    /// <param name="recipes">The recipes available.</param>
    /// <param name="layers">User parameter layers (files, command line), applied to every recipe that declares the names.</param>
    public static IReadOnlyList<ExecutionNode> FromPlan(CascadePlan plan, RecipeRegistry recipes, IReadOnlyList<ParameterLayer> layers)
    {
        var nodes = new List<ExecutionNode>(plan.Tasks.Count);
        foreach (var task in plan.Tasks)
        {
            var recipe = recipes.Find(task.Step.Recipe);
            // Upstream products are judged one by one when the request is built, so an upstream task
            // with one bad product among many does not block its users: the dependency is not "required".
            var dependencies = task.Upstream.Select(u => new NodeDependency(u.Id, task.Step.From!, Required: false))
                .Concat(task.Calibrations
                    .Where(c => c.ProducerTaskId is not null)
                    .Select(c => new NodeDependency(c.ProducerTaskId!, c.Rule.Calibration, c.Rule.Required)))
                .ToList();
            var missing = task.Calibrations.Where(c => c.IsMissing && c.Rule.Required).ToList();
            TaskState? verdict = null;
            string? reason = null, detail = null;
            if (recipe is null)
            {
                verdict = TaskState.UnknownRecipe;
                reason = $"no recipe named '{task.Step.Recipe}' (asked for by {task.Group.Instrument.Name} for {task.InputCategory}; recipes: {string.Join(", ", recipes.All.Select(r => r.Name))})";
            }
            else if (task.Cycle is not null)
            {
                verdict = TaskState.Blocked;
                reason = $"dependency cycle: {task.Cycle}";
            }
            else if (missing.Count > 0)
            {
                verdict = TaskState.Blocked;
                reason = $"missing {missing[0].Rule.Calibration}: {missing[0].Selection.Explanation.Split('\n')[0]}";
                detail = string.Join("\n", missing.Select(m => m.Selection.Explanation));
            }
            nodes.Add(new ExecutionNode
            {
                Id = task.Id,
                Recipe = task.Step.Recipe,
                Dependencies = dependencies,
                MemoryEstimate = Estimate(task),
                Verdict = verdict,
                Reason = reason,
                ReasonDetail = detail,
                Build = recipe is null ? null : reports => Request(task, recipe, reports, layers),
            });
        }
        return nodes;
    }

    private static TaskRequest Request(CascadeTask task, IRecipe recipe, IReadOnlyDictionary<string, TaskReport> reports, IReadOnlyList<ParameterLayer> layers)
    {
        var calibrations = new List<TaskFile>();
        foreach (var link in task.Calibrations)
        {
            if (link.Selection.Chosen is not { } chosen) continue;
            if (chosen.IsPlanned)
            {
                // An optional calibration whose producer failed is simply left out.
                if (reports.GetValueOrDefault(chosen.ProducerTaskId!) is { ProductsUsable: true } r && r.ProductOf(link.Rule.Calibration) is { } product)
                    calibrations.Add(new TaskFile(product.Path, link.Rule.Calibration));
                else if (link.Rule.Required)
                    throw new InvalidOperationException($"{chosen.ProducerTaskId} made no {link.Rule.Calibration}");
            }
            else calibrations.Add(new TaskFile(chosen.Path, link.Rule.Calibration));
        }
        var leftOut = new List<SkippedInput>();
        var inputs = task.Upstream.Count == 0
            ? task.Group.Frames.Select(f => new TaskFile(f.Path, task.Group.Category)).ToList()
            : UpstreamProducts(task, reports, leftOut);
        return new TaskRequest
        {
            Id = task.Id,
            Recipe = recipe,
            Instrument = task.Group.Instrument,
            Inputs = inputs,
            LeftOut = leftOut,
            Calibrations = calibrations,
            ProductStem = task.Group.Id,
            Target = CascadePlanner.Target(task.Step, task.Group),
            ParameterLayers = layers,
            StrictParameters = false,
        };
    }

    /// <summary>The usable products of a chained task's upstream tasks; what is left out goes to <paramref name="leftOut"/>.</summary>
    /// <exception cref="InvalidOperationException">No usable product (or fewer than the step's min_frames): the message says why, and the executor reports the task blocked.</exception>
    private static List<TaskFile> UpstreamProducts(CascadeTask task, IReadOnlyDictionary<string, TaskReport> reports, List<SkippedInput> leftOut)
    {
        var category = task.Step.From!;
        var inputs = new List<TaskFile>();
        var reasons = new List<string>();
        foreach (var up in task.Upstream)
        {
            var report = reports.GetValueOrDefault(up.Id);
            var products = report?.Products.Where(p => !p.Intermediate && string.Equals(p.Category, category, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            if (report is null || report.State is not (TaskState.Done or TaskState.UpToDate or TaskState.QcFailed) || products.Count == 0)
            {
                var why = report is null ? "did not run" : report.State switch
                {
                    TaskState.Blocked => "is blocked",
                    TaskState.Cancelled => "was cancelled",
                    TaskState.NoWork => "found no work",
                    TaskState.Done or TaskState.UpToDate or TaskState.QcFailed => $"made no {category}",
                    _ => "failed",
                };
                var line = $"{up.Id} {why}{(report is null ? "" : $": {report.Message}")}";
                reasons.Add(line);
                leftOut.Add(new SkippedInput($"{category} of {up.Id}", line));
                continue;
            }
            foreach (var p in products)
            {
                if (p.Quality != CalibrationQuality.Bad)
                {
                    inputs.Add(new TaskFile(p.Path, category));
                    continue;
                }
                var line = $"marked bad by QC ({string.Join("; ", p.QcFailures)})";
                reasons.Add($"{Path.GetFileName(p.Path)} {line}");
                leftOut.Add(new SkippedInput(Path.GetFileName(p.Path), line));
            }
        }
        if (inputs.Count == 0)
        {
            throw new InvalidOperationException($"needs {category} from {string.Join(", ", task.Upstream.Select(u => u.Id))}, but none is usable: {string.Join("; ", reasons)}");
        }
        if (inputs.Count < task.Step.MinFrames)
            throw new InvalidOperationException($"only {inputs.Count} usable {category} from {string.Join(", ", task.Upstream.Select(u => u.Id))}; {task.Step.Recipe} wants at least {task.Step.MinFrames}{(reasons.Count > 0 ? $" ({string.Join("; ", reasons)})" : "")}");
        return inputs;
    }

    private static long Estimate(CascadeTask task)
    {
        long total = 0, largest = 0;
        foreach (var f in task.Group.Frames)
        {
            var size = new FileInfo(f.Path) is { Exists: true } info ? info.Length : 0;
            total += size;
            largest = Math.Max(largest, size);
        }
        return (total + largest * task.Calibrations.Count) * MemoryFactor;
    }
}
