namespace Parallax.Pipeline.Engine;

/// <summary>How many tasks run at once, and under which memory budget.</summary>
public sealed record ExecutorOptions
{
    /// <summary>Tasks run at once. Default: the processor count.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Bytes the running tasks' memory estimates may add up to; a task that does not fit waits for
    /// others to finish (a task larger than the whole budget still runs, alone). Default: half the
    /// memory available to the process.
    /// </summary>
    public long MemoryBudget { get; init; } = Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);
}
