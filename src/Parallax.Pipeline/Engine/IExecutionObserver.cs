namespace Parallax.Pipeline.Engine;

/// <summary>Hears about tasks as they start and finish (for a progress display or a log). Called on the executor's thread, one call at a time.</summary>
public interface IExecutionObserver
{
    /// <summary>A task has started.</summary>
    void TaskStarted(ExecutionNode node);

    /// <summary>A task has ended (done, skipped, failed, blocked or cancelled).</summary>
    void TaskFinished(TaskReport report);
}
