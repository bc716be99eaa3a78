using System.Globalization;
using Parallax.Pipeline.Engine;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>
/// Shows a cascade as it runs: a Spectre.Console progress display (an overall bar and a row per
/// running task) on an interactive terminal; plain, timestamped log lines otherwise (pipes, files, CI).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>True when standard output is an interactive terminal.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="body"/> with an observer that shows progress.</summary>
    public static ExecutionSummary Run(int taskCount, bool verbose, Func<IExecutionObserver, ExecutionSummary> body)
    {
        if (!IsInteractive) return body(new LogLines(verbose));
        ExecutionSummary? summary = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var overall = ctx.AddTask("cascade", maxValue: Math.Max(1, taskCount));
                summary = body(new Bars(ctx, overall));
                overall.Value = overall.MaxValue;
            });
        // The live display is gone: leave one line per task on the screen, as the log would.
        foreach (var r in summary!.Reports) Console.WriteLine($"{TaskOutcomes.Word(r.State),-10} {r.TaskId}  {r.Message}");
        return summary;
    }

    /// <summary>One line per task: "12:00:01 done       master_bias:BIAS-1  MASTER_BIAS_BIAS-1.fits (...)  0.31 s".</summary>
    private sealed class LogLines(bool verbose) : IExecutionObserver
    {
        public void TaskStarted(ExecutionNode node)
        {
            if (verbose) Console.WriteLine($"{Now()} start      {node.Id}");
        }

        public void TaskFinished(TaskReport report)
            => Console.WriteLine($"{Now()} {TaskOutcomes.Word(report.State),-10} {report.TaskId}  {report.Message}{(report.Elapsed > TimeSpan.Zero ? $"  {report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s" : "")}");

        private static string Now() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private sealed class Bars(ProgressContext context, ProgressTask overall) : IExecutionObserver
    {
        private readonly Dictionary<string, ProgressTask> _running = [];
        private int _finished;
        private int _failed;

        public void TaskStarted(ExecutionNode node)
        {
            var row = context.AddTask(Markup.Escape(node.Id));
            row.IsIndeterminate = true;
            _running[node.Id] = row;
        }

        public void TaskFinished(TaskReport report)
        {
            if (_running.Remove(report.TaskId, out var row))
            {
                row.IsIndeterminate = false;
                row.Value = row.MaxValue;
                row.StopTask();
            }
            _finished++;
            if (!report.Succeeded) _failed++;
            overall.Increment(1);
            overall.Description = $"cascade: {_finished} finished{(_failed > 0 ? $", [red]{_failed} not done[/]" : "")}";
        }
    }
}
