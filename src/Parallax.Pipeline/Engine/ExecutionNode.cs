namespace Parallax.Pipeline.Engine;

/// <summary>
/// One task of an execution graph: its dependencies, a memory estimate, and how to build its
/// request once the tasks it waits on have finished (their reports give the products' paths).
/// A node may be known not to run before anything starts: blocked (a calibration is missing) or
/// failed (no such recipe).
/// </summary>
public sealed class ExecutionNode
{
    /// <summary>The task id (unique).</summary>
    public required string Id { get; init; }

    /// <summary>The recipe's name (for display).</summary>
    public required string Recipe { get; init; }

    /// <summary>The tasks whose products it uses.</summary>
    public IReadOnlyList<NodeDependency> Dependencies { get; init; } = [];

    /// <summary>Bytes of memory the task needs at most (an estimate: its pixels as float data, variance and mask).</summary>
    public long MemoryEstimate { get; init; }

    /// <summary>Builds the request from the reports of the finished dependencies (task id → report).</summary>
    public Func<IReadOnlyDictionary<string, TaskReport>, TaskRequest>? Build { get; init; }

    /// <summary>When set, the task is not run and is reported with this state and <see cref="Reason"/> (blocked by planning, unknown recipe).</summary>
    public TaskState? Verdict { get; init; }

    /// <summary>Why the task does not run (with <see cref="Verdict"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>More lines about <see cref="Reason"/> (a missing calibration's explanation).</summary>
    public string? ReasonDetail { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
