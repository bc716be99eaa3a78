using Parallax.Reports.Plots;

namespace Parallax.Reports.Night;

/// <summary>Plots of the whole night, drawn from several products.</summary>
internal static class NightPlotBuilder
{
    /// <summary>QC name of a frame's photometric zero point [mag].</summary>
    public const string ZeroPointQc = "zp_mag";

    /// <summary>QC name of its 1-sigma uncertainty [mag], when the product has one.</summary>
    public const string ZeroPointErrorQc = "zp_err_mag";

    private static readonly PlotSize Size = new(720, 420);

    /// <summary>
    /// The zero point of every product with a finite zp_mag QC value and a finite AIRMASS (≥ 1), one colour per
    /// filter; empty when no product has both.
    /// </summary>
    public static List<ReportPlot> Of(IReadOnlyList<ProductEntry> products)
    {
        var points = new List<ZeroPointMeasurement>();
        foreach (var p in products)
        {
            var zp = p.Qc.FirstOrDefault(q => q.Name == ZeroPointQc)?.Value ?? double.NaN;
            if (!double.IsFinite(zp) || !double.IsFinite(p.Airmass) || p.Airmass < 1) continue;
            var error = p.Qc.FirstOrDefault(q => q.Name == ZeroPointErrorQc)?.Value ?? double.NaN;
            points.Add(new ZeroPointMeasurement(p.Airmass, zp, error, p.Filter.Length > 0 ? p.Filter : "no filter"));
        }
        if (points.Count == 0) return [];
        return [new ReportPlot("plot-night-zero-point-airmass", $"Zero point against airmass ({points.Count} frame(s))", QcPlots.ZeroPointVsAirmass(points, Size))];
    }
}
