using System.Diagnostics;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Runs an execution graph: every task whose dependencies have finished starts as soon as a
/// worker is free and the memory budget allows (tasks start in graph order). A task whose
/// required dependency failed, was blocked or made a bad product is reported blocked with the
/// reason, and so are the tasks behind it; every other task still runs. Cancellation stops the
/// running tasks (their partial products are removed) and reports the rest as cancelled.
/// </summary>
public static class CascadeExecutor
{
    /// <summary>Runs the graph to the end (or cancellation) and returns every task's report.</summary>
    /// <param name="nodes">The tasks, in an order where dependencies come first.</param>
    /// <param name="engine">The engine that runs each task.</param>
    /// <param name="options">Parallelism and memory budget.</param>
    /// <param name="observer">Hears tasks start and finish; may be null.</param>
    /// <param name="cancellation">Stops the run.</param>
    public static ExecutionSummary Run(IReadOnlyList<ExecutionNode> nodes, RecipeEngine engine, ExecutorOptions options, IExecutionObserver? observer = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var reports = new Dictionary<string, TaskReport>(StringComparer.Ordinal);
        var pending = new List<ExecutionNode>(nodes);
        var running = new Dictionary<Task<TaskReport>, ExecutionNode>();
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        long memoryInUse = 0;
        var maxParallel = Math.Max(1, options.MaxParallelism);

        void Finish(TaskReport report)
        {
            reports[report.TaskId] = report;
            observer?.TaskFinished(report);
        }

        while (pending.Count > 0 || running.Count > 0)
        {
            var progressed = true;
            while (progressed && !cancellation.IsCancellationRequested)
            {
                progressed = false;
                foreach (var node in pending.ToList())
                {
                    if (node.Verdict is { } verdict)
                    {
                        Finish(Report(node, verdict, node.Reason ?? verdict.ToString(), node.ReasonDetail));
                        pending.Remove(node);
                        progressed = true;
                        continue;
                    }
                    var unknown = node.Dependencies.FirstOrDefault(d => !ids.Contains(d.TaskId));
                    if (unknown is not null)
                    {
                        Finish(Report(node, TaskState.Blocked, $"waits on {unknown.TaskId}, which is not part of this run"));
                        pending.Remove(node);
                        progressed = true;
                        continue;
                    }
                    if (node.Dependencies.Any(d => !reports.ContainsKey(d.TaskId))) continue;
                    var blocking = node.Dependencies.Where(d => d.Required && !reports[d.TaskId].ProductsUsable).ToList();
                    if (blocking.Count > 0)
                    {
                        var d = blocking[0];
                        var r = reports[d.TaskId];
                        var why = r.State switch
                        {
                            TaskState.QcFailed => "whose product failed QC",
                            TaskState.Blocked => "which is blocked",
                            TaskState.Cancelled => "which was cancelled",
                            TaskState.NoWork => "which found no work",
                            _ => "which failed",
                        };
                        Finish(Report(node, TaskState.Blocked, $"needs {d.Category} from {d.TaskId}, {why}: {r.Message}"));
                        pending.Remove(node);
                        progressed = true;
                        continue;
                    }
                    if (running.Count >= maxParallel) continue;
                    if (running.Count > 0 && memoryInUse + node.MemoryEstimate > options.MemoryBudget) continue;
                    TaskRequest request;
                    try
                    {
                        request = node.Build!(reports);
                    }
                    catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
                    {
                        Finish(Report(node, TaskState.Blocked, e.Message));
                        pending.Remove(node);
                        progressed = true;
                        continue;
                    }
                    observer?.TaskStarted(node);
                    memoryInUse += node.MemoryEstimate;
                    running[Task.Run(() => engine.Run(request, cancellation), CancellationToken.None)] = node;
                    pending.Remove(node);
                    progressed = true;
                }
            }
            if (cancellation.IsCancellationRequested)
            {
                foreach (var node in pending) Finish(Report(node, TaskState.Cancelled, "cancelled before it started"));
                pending.Clear();
            }
            if (running.Count == 0)
            {
                // Nothing runs and nothing could start: what is left waits on something that cannot finish.
                foreach (var node in pending) Finish(Report(node, TaskState.Blocked, "waits on a task that cannot run (dependency cycle)"));
                pending.Clear();
                break;
            }
            var tasks = running.Keys.ToArray();
            var finished = tasks[Task.WaitAny(tasks)];
            var done = running[finished];
            running.Remove(finished);
            memoryInUse -= done.MemoryEstimate;
            Finish(finished.IsCompletedSuccessfully
                ? finished.Result
                : Report(done, TaskState.AlgorithmFailed, $"the engine failed: {finished.Exception?.GetBaseException().Message}", finished.Exception?.ToString()));
        }
        var ordered = nodes.Where(n => reports.ContainsKey(n.Id)).Select(n => reports[n.Id]).ToList();
        return new ExecutionSummary(ordered, clock.Elapsed, cancellation.IsCancellationRequested);
    }

    private static TaskReport Report(ExecutionNode node, TaskState state, string message, string? detail = null)
        => new() { TaskId = node.Id, Recipe = node.Recipe, State = state, Message = message, Detail = detail };
}
