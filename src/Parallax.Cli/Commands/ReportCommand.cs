using System.CommandLine;
using Parallax.Reports.Night;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax report OUTDIR [-o report.html]</c>: (re)make the night report of a reduced folder from its products and night record.</summary>
internal static class ReportCommand
{
    /// <summary>The report's file name in an output folder.</summary>
    public const string DefaultName = "night_report.html";

    public static Command Create()
    {
        var folder = new Argument<string>("outdir") { Description = "Output folder of 'parallax reduce' (products, .parallax/night.json)" };
        var output = new Option<string?>("--output", "-o") { Description = $"HTML file to write (default: OUTDIR/{DefaultName})" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files (for the QC ranges)" };
        var cmd = new Command("report", "Make the night report of a reduced folder: one self-contained HTML file (summary, cascade, products with QC and thumbnails, failures, timings, plots)")
            { folder, output, instruments };
        cmd.SetAction(r =>
        {
            var outdir = r.GetValue(folder)!;
            if (!Directory.Exists(outdir))
            {
                Console.Error.WriteLine($"parallax: {outdir}: no such folder");
                return ExitCodes.Failed;
            }
            var catalog = InstrumentOptions.Load(r.GetValue(instruments));
            if (catalog is null) return ExitCodes.Failed;
            var html = r.GetValue(output) ?? Path.Combine(outdir, DefaultName);
            try
            {
                var report = NightReportBuilder.Build(outdir, catalog);
                if (report.Products.Count == 0 && report.Tasks.Count == 0)
                {
                    Console.Error.WriteLine($"parallax: {outdir}: no products and no night record: is it the output folder of 'parallax reduce'?");
                    return ExitCodes.Failed;
                }
                NightReportHtml.Write(report, html);
                Console.WriteLine($"Report: {Path.GetFullPath(html)}  ({report.Products.Count} product(s), {report.Products.Count(p => !p.Passed)} failed QC, {report.Tasks.Count(t => !t.Succeeded)} task(s) not done)");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"parallax: {html}: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return cmd;
    }
}
