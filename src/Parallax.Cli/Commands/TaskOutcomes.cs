using System.Globalization;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;

namespace Parallax.Cli.Commands;

/// <summary>How task reports reach people and scripts: exit codes, one-line messages, detail with --verbose, JSON.</summary>
internal static class TaskOutcomes
{
    /// <summary>The exit code of a single recipe run.</summary>
    public static int ExitCode(TaskReport report) => report.State switch
    {
        TaskState.Done or TaskState.UpToDate or TaskState.NoWork => report.Skipped.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success,
        TaskState.CalibrationNotFound => ExitCodes.CalibrationNotFound,
        TaskState.UnprocessableData => ExitCodes.UnprocessableData,
        TaskState.AlgorithmFailed => ExitCodes.AlgorithmFailed,
        TaskState.QcFailed => ExitCodes.QcFailed,
        TaskState.InvalidParameters or TaskState.UnknownRecipe => ExitCodes.UsageError,
        TaskState.Cancelled => ExitCodes.Interrupted,
        _ => ExitCodes.Failed,
    };

    /// <summary>The exit code of a cascade: 0 when all succeeded with no input skipped, 130 when interrupted, 3 when nothing succeeded, else 1.</summary>
    public static int ExitCode(ExecutionSummary summary, int unreadable)
    {
        if (summary.Cancelled) return ExitCodes.Interrupted;
        if (summary.AllSucceeded) return unreadable > 0 || summary.SkippedInputs > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        return summary.Reports.Any(r => r.Succeeded) ? ExitCodes.SomeInputsFailed : ExitCodes.Failed;
    }

    /// <summary>A short word for a state, for log lines and tables.</summary>
    public static string Word(TaskState state) => state switch
    {
        TaskState.Done => "done",
        TaskState.UpToDate => "up-to-date",
        TaskState.NoWork => "no-work",
        TaskState.QcFailed => "qc-failed",
        TaskState.Blocked => "blocked",
        TaskState.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>Prints one recipe run's report: products on standard output; failures and skipped inputs on standard error, one line each; detail with --verbose.</summary>
    public static void Print(TaskReport report, bool verbose)
    {
        if (report.Succeeded)
        {
            foreach (var p in report.Products)
                Console.WriteLine($"{(report.State == TaskState.UpToDate ? "up to date" : "wrote")} {p.Path}  {p.Category}{Qc(p)}");
            if (report.State == TaskState.NoWork) Console.WriteLine($"{report.Recipe}: nothing to do: {report.Message}");
        }
        else if (report.State == TaskState.QcFailed)
        {
            foreach (var p in report.Products) Console.WriteLine($"wrote {p.Path}  {p.Category}{Qc(p)}{(p.Quality == CalibrationQuality.Bad ? "  [BAD]" : "")}");
            Console.Error.WriteLine($"parallax: {report.Recipe}: {report.Message}");
        }
        else if (report.Message.StartsWith(report.Recipe + ":", StringComparison.Ordinal)) Console.Error.WriteLine($"parallax: {report.Message}");
        else Console.Error.WriteLine($"parallax: {report.Recipe}: {Label(report.State)}{report.Message}");
        foreach (var s in report.Skipped) Console.Error.WriteLine($"parallax: skipped {s}");
        if (verbose && report.Detail is { Length: > 0 } detail) Console.Error.WriteLine(detail);
    }

    /// <summary>A report as a JSON-ready object.</summary>
    public static object Json(TaskReport r) => new
    {
        task = r.TaskId,
        recipe = r.Recipe,
        state = Word(r.State),
        kind = r.State.ToString(),
        message = r.Message,
        detail = r.Detail,
        elapsed_s = Math.Round(r.Elapsed.TotalSeconds, 4),
        hash = r.Hash,
        products = r.Products.Select(p => new { path = p.Path, category = p.Category, intermediate = p.Intermediate, quality = SqlCalibrationDatabase.QualityName(p.Quality), sha256 = p.Sha256, qc = p.Qc, qc_failures = p.QcFailures }),
        skipped = r.Skipped.Select(s => new { file = s.Name, reason = s.Reason }),
    };

    /// <summary>The kind of failure, where the message does not already say it (a calibration miss does).</summary>
    private static string Label(TaskState state) => state switch
    {
        TaskState.UnprocessableData => "unprocessable data: ",
        TaskState.AlgorithmFailed => "algorithm failed: ",
        _ => "",
    };

    internal static string Qc(ProductFile p)
        => p.Qc.Count == 0 ? "" : "  " + string.Join(" ", p.Qc.Select(q => $"{q.Key}={q.Value.ToString("G5", CultureInfo.InvariantCulture)}"));
}
