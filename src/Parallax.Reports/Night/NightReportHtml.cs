using System.Globalization;
using System.Net;
using System.Text;

namespace Parallax.Reports.Night;

/// <summary>
/// Writes a <see cref="NightReport"/> as one self-contained HTML file: inline CSS, images as
/// base64 <c>data:</c> URIs, links only to anchors within the page, so it opens offline and can be
/// mailed as it is. The markup is well-formed XML (XHTML syntax) so tools can parse it.
/// </summary>
public static class NightReportHtml
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        .pass { background: #dff3df; } .fail { background: #f8d7d7; } .neutral { background: #f3f3f3; } .warn { background: #fff1cc; }
        .state { font-weight: bold; } ul.cascade { list-style: none; padding-left: 1.2em; } ul.cascade li { margin: .2em 0; }
        .bar { display: inline-block; height: .8em; background: #6a8fd0; } small { color: #666; }
        figure { display: inline-block; margin: .5em; } figcaption { font-size: .9em; color: #444; }
        """;

    /// <summary>The report as HTML text.</summary>
    public static string Render(NightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder(1 << 16);
        var title = $"Night report: {(report.Instruments.Count > 0 ? string.Join(", ", report.Instruments) : "unknown instrument")}";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>").Append(E(title)).Append("</h1>\n");
        h.Append("<p><small>").Append(E(report.OutputFolder)).Append(" — made ").Append(report.Generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC")
            .Append(report.Record is { } r0 ? $" by {E(r0.Pipeline)}" : "").Append("</small></p>\n");
        Summary(h, report);
        Cascade(h, report);
        Products(h, report);
        Failures(h, report);
        Calibrations(h, report);
        Timings(h, report);
        Plots(h, report);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> through a temporary file, so a reader never sees half of it.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(NightReport report, string path)
    {
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(Render(report)));
    }

    private static void Summary(StringBuilder h, NightReport report)
    {
        h.Append("<h2 id=\"summary\">Summary</h2>\n<table>\n");
        Row(h, "Instrument", string.Join(", ", report.Instruments));
        if (report.Record is { } r)
        {
            Row(h, "Raw frames", r.RawFolder);
            Row(h, "Frames per category", string.Join(", ", r.FramesPerCategory.Select(c => $"{c.Key} {c.Value}")));
            Row(h, "Unclassified / unreadable", $"{r.Unclassified.Count} / {r.Unreadable.Count}");
            Row(h, "Started", r.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
            Row(h, "Timings", $"organise {S(r.OrganiseSeconds)} s, tasks {S(r.RunSeconds)} s, report {S(report.BuildSeconds)} s{(r.Cancelled ? " (interrupted)" : "")}");
        }
        else Row(h, "Timings", $"report {S(report.BuildSeconds)} s (no night record: tasks are rebuilt from the products)");
        var states = report.Tasks.GroupBy(t => t.State).Select(g => $"{g.Count()} {Word(g.Key)}");
        Row(h, "Tasks", $"{report.Tasks.Count}: {string.Join(", ", states)}");
        var passed = report.Products.Count(p => p.Passed);
        h.Append("<tr><th>Products</th><td class=\"").Append(passed == report.Products.Count ? "pass" : "fail").Append("\">")
            .Append(report.Products.Count).Append(": ").Append(passed).Append(" passed QC, ").Append(report.Products.Count - passed).Append(" failed</td></tr>\n");
        h.Append("</table>\n");
    }

    /// <summary>The task graph as a nested list: each task under the last task it depends on (in cascade order), its other dependencies named.</summary>
    private static void Cascade(StringBuilder h, NightReport report)
    {
        h.Append("<h2 id=\"cascade\">Cascade</h2>\n");
        var index = report.Tasks.Select((t, i) => (t.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
        string? ParentOf(NightTaskRecord t) => t.DependsOn.Where(index.ContainsKey).OrderBy(d => index[d]).LastOrDefault();
        var children = report.Tasks.ToLookup(ParentOf);
        void List(string? parent)
        {
            var kids = children[parent].ToList();
            if (kids.Count == 0) return;
            h.Append("<ul class=\"cascade\">\n");
            foreach (var t in kids)
            {
                h.Append("<li><span class=\"state ").Append(StateClass(t.State)).Append("\">").Append(E(Word(t.State))).Append("</span> <code>").Append(E(t.Id)).Append("</code>");
                if (t.Inputs.Count > 0) h.Append(" <small>(").Append(t.Inputs.Count).Append(' ').Append(E(t.Category.Length > 0 ? t.Category : "input")).Append(" frame(s))</small>");
                var others = t.DependsOn.Where(d => d != ParentOf(t)).ToList();
                if (others.Count > 0) h.Append(" <small>also uses ").Append(E(string.Join(", ", others))).Append("</small>");
                List(t.Id);
                h.Append("</li>\n");
            }
            h.Append("</ul>\n");
        }
        List(null);
    }

    private static void Products(StringBuilder h, NightReport report)
    {
        h.Append("<h2 id=\"products\">Products</h2>\n<table>\n<tr><th>Thumbnail</th><th>Product</th><th>Inputs</th><th>QC</th><th>Verdict</th><th>Plots</th></tr>\n");
        foreach (var p in report.Products)
        {
            h.Append("<tr id=\"product-").Append(E(Anchor(p.FileName))).Append("\"><td>");
            if (p.Thumbnail is { } png) h.Append("<img alt=\"").Append(E(p.FileName)).Append("\" src=\"").Append(DataUri(png)).Append("\" />");
            else h.Append("<small>").Append(E(p.Problem ?? "no pixels")).Append("</small>");
            h.Append("</td><td><b>").Append(E(p.FileName)).Append("</b><br />PRODTYPE ").Append(E(p.ProductType)).Append("<br />PRODCATG ").Append(E(p.Category))
                .Append("<br />PROCSTAT ").Append(E(p.Level)).Append("<br /><small>").Append(E(p.Recipe)).Append(" (").Append(E(p.TaskId)).Append(")");
            if (p.QuickLookFile is { } look) h.Append("<br />quick-look: ").Append(E(look));
            h.Append("</small></td><td>");
            foreach (var i in p.Inputs) h.Append(E(i)).Append("<br />");
            foreach (var c in p.Calibrations) h.Append("<small>calibration ").Append(E(c)).Append("</small><br />");
            h.Append("</td><td><table>\n");
            foreach (var q in p.Qc)
            {
                h.Append("<tr class=\"").Append(q.HasRange ? q.Passed ? "pass" : "fail" : "neutral").Append("\"><td>").Append(E(q.Name)).Append("</td><td class=\"num\">")
                    .Append(E(q.Value.ToString("G6", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(RangeText(q))).Append("</td></tr>\n");
            }
            h.Append("</table></td><td class=\"").Append(p.Passed ? "pass" : "fail").Append("\">").Append(p.Passed ? "PASS" : "FAIL");
            foreach (var f in p.QcFailures) h.Append("<br /><small>").Append(E(f)).Append("</small>");
            h.Append("</td><td>");
            foreach (var plot in p.Plots) h.Append("<a href=\"#").Append(E(plot.Id)).Append("\">").Append(E(plot.Title)).Append("</a><br />");
            h.Append("</td></tr>\n");
        }
        h.Append("</table>\n");
    }

    private static void Failures(StringBuilder h, NightReport report)
    {
        h.Append("<h2 id=\"failures\">Failures and skipped frames</h2>\n");
        var failed = report.Tasks.Where(t => !t.Succeeded).ToList();
        var skipped = report.Tasks.SelectMany(t => t.Skipped.Select(s => (Task: t.Id, s.File, s.Reason))).ToList();
        var unclassified = report.Record?.Unclassified ?? [];
        var unreadable = report.Record?.Unreadable ?? [];
        if (failed.Count + skipped.Count + unclassified.Count + unreadable.Count == 0)
        {
            h.Append("<p class=\"pass\">None: every task succeeded and every frame was used.</p>\n");
            return;
        }
        h.Append("<table>\n<tr><th>What</th><th>Kind</th><th>Reason</th></tr>\n");
        foreach (var t in failed)
            h.Append("<tr class=\"").Append(StateClass(t.State)).Append("\"><td><code>").Append(E(t.Id)).Append("</code></td><td>").Append(E(Word(t.State))).Append("</td><td>").Append(E(t.Message)).Append("</td></tr>\n");
        foreach (var (task, file, reason) in skipped)
            h.Append("<tr class=\"warn\"><td>").Append(E(file)).Append("</td><td>skipped by <code>").Append(E(task)).Append("</code></td><td>").Append(E(reason)).Append("</td></tr>\n");
        foreach (var u in unclassified)
            h.Append("<tr class=\"warn\"><td>").Append(E(u.File)).Append("</td><td>unclassified</td><td>").Append(E(u.Reason)).Append("</td></tr>\n");
        foreach (var u in unreadable)
            h.Append("<tr class=\"warn\"><td>").Append(E(u.File)).Append("</td><td>unreadable</td><td>").Append(E(u.Reason)).Append("</td></tr>\n");
        h.Append("</table>\n");
    }

    private static void Calibrations(StringBuilder h, NightReport report)
    {
        if (report.Calibrations.Count == 0) return;
        h.Append("<h2 id=\"caldb\">Calibration database</h2>\n<table>\n<tr><th>Category</th><th>Instrument</th><th>Quality</th><th>File</th><th>Note</th></tr>\n");
        foreach (var c in report.Calibrations.OrderBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.Path, StringComparer.Ordinal))
        {
            var quality = c.Quality.ToString().ToLowerInvariant();
            h.Append("<tr><td>").Append(E(c.Category)).Append("</td><td>").Append(E(c.Instrument)).Append("</td><td class=\"")
                .Append(c.Quality == Pipeline.Calibration.CalibrationQuality.Bad ? "fail" : "pass").Append("\">").Append(E(quality)).Append("</td><td>")
                .Append(E(Path.GetFileName(c.Path))).Append("</td><td>").Append(E(c.Note ?? "")).Append("</td></tr>\n");
        }
        h.Append("</table>\n");
    }

    private static void Timings(StringBuilder h, NightReport report)
    {
        h.Append("<h2 id=\"timings\">Timings</h2>\n<table>\n<tr><th>Task</th><th>State</th><th>Seconds</th><th></th></tr>\n");
        var longest = report.Tasks.Select(t => t.Seconds).DefaultIfEmpty(0).Max();
        foreach (var t in report.Tasks)
        {
            var width = longest > 0 ? (int)Math.Round(200 * t.Seconds / longest) : 0;
            h.Append("<tr><td><code>").Append(E(t.Id)).Append("</code></td><td class=\"").Append(StateClass(t.State)).Append("\">").Append(E(Word(t.State)))
                .Append("</td><td class=\"num\">").Append(S(t.Seconds)).Append("</td><td><span class=\"bar\" style=\"width:").Append(width).Append("px\"></span></td></tr>\n");
        }
        h.Append("</table>\n");
    }

    private static void Plots(StringBuilder h, NightReport report)
    {
        h.Append("<h2 id=\"plots\">Plots</h2>\n");
        foreach (var plot in report.NightPlots.Concat(report.Products.SelectMany(p => p.Plots)))
        {
            h.Append("<figure id=\"").Append(E(plot.Id)).Append("\"><img alt=\"").Append(E(plot.Title)).Append("\" src=\"").Append(DataUri(plot.Png)).Append("\" /><figcaption>")
                .Append(E(plot.Title)).Append("</figcaption></figure>\n");
        }
    }

    private static void Row(StringBuilder h, string name, string value)
        => h.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string RangeText(QcEntry q) => (q.Min, q.Max) switch
    {
        ({ } a, { } b) => $"{N(a)} .. {N(b)}",
        ({ } a, null) => $"≥ {N(a)}",
        (null, { } b) => $"≤ {N(b)}",
        _ => "no range",
    };

    /// <summary>The engine's state name as the CLI words it.</summary>
    private static string Word(string state) => state switch
    {
        "Done" => "done",
        "UpToDate" => "up-to-date",
        "NoWork" => "no-work",
        "QcFailed" => "qc-failed",
        "Blocked" => "blocked",
        "Cancelled" => "cancelled",
        _ => "failed: " + state,
    };

    private static string StateClass(string state) => state switch
    {
        "Done" or "UpToDate" => "pass",
        "NoWork" or "Blocked" or "Cancelled" => "warn",
        _ => "fail",
    };

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static string Anchor(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
