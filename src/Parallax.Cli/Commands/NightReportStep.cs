using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Organising;
using Parallax.Reports.Night;

namespace Parallax.Cli.Commands;

/// <summary>
/// What <c>parallax reduce</c> does after the cascade: keeps the night record (always, so that
/// <c>parallax report</c> can make the report later), and makes the night report, writing a
/// quick-look PNG next to each product on the way. A failure here is reported on one line
/// and never changes the reduction's exit code: the products are what matters.
/// </summary>
internal static class NightReportStep
{
    /// <summary>Runs the step; returns the report's path, or null when none was asked for or it could not be made.</summary>
    public static string? Run(string rawdir, string outdir, OrganiseResult organised, ExecutionSummary summary, DateTimeOffset started, InstrumentCatalog catalog, bool makeReport)
    {
        try
        {
            NightRecord.From(rawdir, outdir, organised, summary, started).Write(outdir);
            if (!makeReport) return null;
            // The report reads every product once and writes its quick-look from the same pixels.
            var path = Path.Combine(outdir, ReportCommand.DefaultName);
            NightReportHtml.Write(NightReportBuilder.Build(outdir, catalog, writeQuickLooks: true), path);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parallax: the night report was not written: {e.Message}");
            return null;
        }
    }
}
