namespace Parallax.Pipeline.Engine;

/// <summary>The reports of every task of a run, in graph order, with counts by state.</summary>
public sealed class ExecutionSummary
{
    /// <summary>Creates the summary.</summary>
    public ExecutionSummary(IReadOnlyList<TaskReport> reports, TimeSpan elapsed, bool cancelled)
    {
        Reports = reports;
        Elapsed = elapsed;
        Cancelled = cancelled;
    }

    /// <summary>Every task's report, in the graph's order.</summary>
    public IReadOnlyList<TaskReport> Reports { get; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when the run was cancelled before every task ended.</summary>
    public bool Cancelled { get; }

    /// <summary>How many tasks ended in a state.</summary>
    public int Count(TaskState state) => Reports.Count(r => r.State == state);

    /// <summary>Tasks that ran and made their products.</summary>
    public int Done => Count(TaskState.Done);

    /// <summary>Tasks skipped because nothing changed.</summary>
    public int UpToDate => Count(TaskState.UpToDate);

    /// <summary>Tasks that failed (any failure state, QC included) — not blocked or cancelled ones.</summary>
    public int Failed => Reports.Count(r => !r.Succeeded && r.State is not (TaskState.Blocked or TaskState.Cancelled));

    /// <summary>Tasks not run because something they need is missing or failed.</summary>
    public int Blocked => Count(TaskState.Blocked);

    /// <summary>Inputs skipped over all tasks.</summary>
    public int SkippedInputs => Reports.Sum(r => r.Skipped.Count);

    /// <summary>True when every task succeeded (done, up to date, or no work).</summary>
    public bool AllSucceeded => Reports.All(r => r.Succeeded);
}
