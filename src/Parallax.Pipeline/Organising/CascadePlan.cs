namespace Parallax.Pipeline.Organising;

/// <summary>The cascade as a small DAG: tasks in an order where every task comes after the tasks it depends on.</summary>
public sealed class CascadePlan
{
    /// <summary>The tasks in dependency order (masters before their users; ties by cascade step and time).</summary>
    public required IReadOnlyList<CascadeTask> Tasks { get; init; }

    /// <summary>Groups that no cascade step consumes (e.g. a category the instrument file only classifies).</summary>
    public IReadOnlyList<FrameGroup> Unplanned { get; init; } = [];

    /// <summary>The task with this id, or null.</summary>
    public CascadeTask? Find(string id) => Tasks.FirstOrDefault(t => t.Id == id);

    /// <summary>Every required calibration that is missing, with its task.</summary>
    public IEnumerable<(CascadeTask Task, CalibrationLink Link)> Missing
        => Tasks.SelectMany(t => t.Calibrations.Where(c => c.IsMissing && c.Rule.Required).Select(c => (t, c)));
}
