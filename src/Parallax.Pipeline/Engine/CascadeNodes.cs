using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Turns the organiser's cascade plan into an execution graph: one node per task, waiting on the
/// tasks that make its calibrations. A task whose required calibration is missing is blocked
/// before anything runs (with the selection's explanation); one whose recipe is not registered fails.
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
            var dependencies = task.Calibrations
                .Where(c => c.ProducerTaskId is not null)
                .Select(c => new NodeDependency(c.ProducerTaskId!, c.Rule.Calibration, c.Rule.Required))
                .ToList();
            var missing = task.Calibrations.Where(c => c.IsMissing && c.Rule.Required).ToList();
            TaskState? verdict = null;
            string? reason = null, detail = null;
            if (recipe is null)
            {
                verdict = TaskState.UnknownRecipe;
                reason = $"no recipe named '{task.Step.Recipe}' (asked for by {task.Group.Instrument.Name} for {task.Group.Category}; recipes: {string.Join(", ", recipes.All.Select(r => r.Name))})";
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
        return new TaskRequest
        {
            Id = task.Id,
            Recipe = recipe,
            Instrument = task.Group.Instrument,
            Inputs = task.Group.Frames.Select(f => new TaskFile(f.Path, task.Group.Category)).ToList(),
            Calibrations = calibrations,
            ProductStem = task.Group.Id,
            Target = new CalibrationTarget { Label = $"{task.Group.Category} group {task.Group.Id}", Values = task.Group.SharedValues, Mjd = task.Group.MidMjd },
            ParameterLayers = layers,
            StrictParameters = false,
        };
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
