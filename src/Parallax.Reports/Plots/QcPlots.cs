using System.Globalization;
using Parallax.Imaging.Statistics;
using ScottPlot;

namespace Parallax.Reports.Plots;

/// <summary>
/// The QC plots of a night, each a function from plain numbers to PNG bytes (ScottPlot): no recipe
/// or file is involved, so any step that has the numbers can draw them. Non-finite values are left
/// out of every plot.
/// </summary>
public static class QcPlots
{
    /// <summary>Bias row and column profiles: the median along each row against the row number, and along each column against the column number.</summary>
    /// <param name="rowMedians">Median of each row (index 0 = FITS row 1), in <paramref name="unit"/>.</param>
    /// <param name="columnMedians">Median of each column (index 0 = FITS column 1).</param>
    /// <param name="unit">The values' unit, for the axis label.</param>
    /// <param name="size">Image size; <see cref="PlotSize.Default"/> when null.</param>
    public static byte[] BiasProfiles(IReadOnlyList<double> rowMedians, IReadOnlyList<double> columnMedians, string unit = "ADU", PlotSize? size = null)
    {
        var plot = New("Bias profiles", "row or column number (FITS, from 1)", $"median [{unit}]");
        AddLine(plot, Enumerable.Range(1, rowMedians.Count).Select(i => (double)i).ToArray(), [.. rowMedians], "median along each row", Colors.C0);
        AddLine(plot, Enumerable.Range(1, columnMedians.Count).Select(i => (double)i).ToArray(), [.. columnMedians], "median along each column", Colors.C1);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot, size);
    }

    /// <summary>Histogram of a flat field's pixel values between its 0.5th and 99.5th percentiles (values outside are left out).</summary>
    public static byte[] FlatHistogram(ReadOnlySpan<float> values, int bins = 100, string unit = "normalised", PlotSize? size = null)
        => PixelHistogram(values, "Flat field: pixel values", unit, bins, size);

    /// <summary>Histogram of pixel values between their 0.5th and 99.5th percentiles, with the median marked; NaN values are left out.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public static byte[] PixelHistogram(ReadOnlySpan<float> values, string title, string unit, int bins = 100, PlotSize? size = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var plot = New(title, $"value [{unit}]", "pixels");
        var p = RobustStatistics.Percentiles(values, [0.5, 50, 99.5]);
        if (double.IsFinite(p[0]))
        {
            var hi = p[2] > p[0] ? p[2] : p[0] + 1;
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, p[0], hi);
            Count(values, p[0], hi, histogram.Counts);
            plot.Add.Histogram(histogram);
            var median = plot.Add.VerticalLine(p[1], 2, Colors.C1, LinePattern.Dashed);
            median.LegendText = $"median {Num(p[1])}";
            plot.ShowLegend(Alignment.UpperRight);
        }
        return Png(plot, size);
    }

    /// <summary>
    /// Counts the values in [<paramref name="lo"/>, <paramref name="hi"/>] into equal bins (the last
    /// bin includes <paramref name="hi"/>); NaN falls outside. One arithmetic bin index per value:
    /// the histogram's own Add searches the edges, which took a quarter of a second per megapixel.
    /// </summary>
    private static void Count(ReadOnlySpan<float> values, double lo, double hi, int[] counts)
    {
        var n = counts.Length;
        var perUnit = n / (hi - lo);
        var tally = new int[n];
        foreach (var v in values)
        {
            if (!(v >= lo && v <= hi)) continue;
            var i = (int)((v - lo) * perUnit);
            tally[i < n ? i : n - 1]++;
        }
        for (var i = 0; i < n; i++) counts[i] += tally[i];
    }

    /// <summary>
    /// Astrometric residuals as arrows on the detector, lengthened so the RMS residual spans 5% of
    /// the field (the factor is in the title), with the RMS of each axis.
    /// </summary>
    public static byte[] AstrometricResiduals(IReadOnlyList<AstrometricResidual> residuals, string unit = "pixel", PlotSize? size = null)
    {
        var ok = residuals.Where(r => double.IsFinite(r.X) && double.IsFinite(r.Y) && double.IsFinite(r.Dx) && double.IsFinite(r.Dy)).ToList();
        var rmsX = Rms(ok.Select(r => r.Dx));
        var rmsY = Rms(ok.Select(r => r.Dy));
        var field = ok.Count == 0 ? 1 : Math.Max(ok.Max(r => r.X) - ok.Min(r => r.X), ok.Max(r => r.Y) - ok.Min(r => r.Y));
        var rms = Math.Sqrt(rmsX * rmsX + rmsY * rmsY);
        var scale = rms > 0 ? 0.05 * field / rms : 1;
        var plot = New($"Astrometric residuals ({ok.Count} stars; rms x {Num(rmsX)}, y {Num(rmsY)} {unit}; arrows ×{Num(scale)})", "x [pixel]", "y [pixel]");
        foreach (var r in ok)
        {
            var arrow = plot.Add.Arrow(r.X, r.Y, r.X + r.Dx * scale, r.Y + r.Dy * scale);
            arrow.ArrowFillColor = Colors.C0;
            arrow.ArrowLineColor = Colors.C0;
        }
        if (ok.Count > 0) plot.Add.Markers(ok.Select(r => r.X).ToArray(), ok.Select(r => r.Y).ToArray(), MarkerShape.FilledCircle, 3, Colors.Black);
        plot.Axes.SquareUnits();
        return Png(plot, size);
    }

    /// <summary>Zero point against airmass, one colour per filter, with each filter's least-squares line (its slope is the extinction coefficient, in the legend).</summary>
    public static byte[] ZeroPointVsAirmass(IReadOnlyList<ZeroPointMeasurement> points, PlotSize? size = null)
    {
        var plot = New("Zero point against airmass", "airmass", "zero point [mag]");
        var colour = 0;
        foreach (var group in points.Where(p => double.IsFinite(p.Airmass) && double.IsFinite(p.ZeroPoint)).GroupBy(p => p.Filter).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var c = Palette(colour++);
            var xs = group.Select(p => p.Airmass).ToArray();
            var ys = group.Select(p => p.ZeroPoint).ToArray();
            var errors = group.Select(p => double.IsFinite(p.Error) ? p.Error : 0).ToArray();
            var bars = plot.Add.ErrorBar(xs, ys, errors);
            bars.Color = c;
            var dots = plot.Add.ScatterPoints(xs, ys, c);
            dots.MarkerSize = 7;
            if (LineFit(xs, ys) is { } fit)
            {
                var (x0, x1) = (xs.Min(), xs.Max());
                var line = plot.Add.Line(x0, fit.Intercept + fit.Slope * x0, x1, fit.Intercept + fit.Slope * x1);
                line.Color = c;
                line.LegendText = $"{group.Key}: {Num(fit.Slope)} mag/airmass";
            }
            else dots.LegendText = group.Key;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot, size);
    }

    /// <summary>Arc line residuals against wavelength: used lines as dots, rejected ones as crosses, the RMS of the used lines in the title.</summary>
    public static byte[] ArcResiduals(IReadOnlyList<ArcLineResidual> lines, string unit = "Å", PlotSize? size = null)
    {
        var ok = lines.Where(l => double.IsFinite(l.Wavelength) && double.IsFinite(l.Residual)).ToList();
        var used = ok.Where(l => l.Used).ToList();
        var rejected = ok.Where(l => !l.Used).ToList();
        var plot = New($"Wavelength solution: {used.Count} lines used, rms {Num(Rms(used.Select(l => l.Residual)))} {unit}", $"wavelength [{unit}]", $"fit − laboratory [{unit}]");
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        if (used.Count > 0)
        {
            var s = plot.Add.ScatterPoints(used.Select(l => l.Wavelength).ToArray(), used.Select(l => l.Residual).ToArray(), Colors.C0);
            s.MarkerSize = 7;
            s.LegendText = "used";
        }
        if (rejected.Count > 0)
        {
            var s = plot.Add.Markers(rejected.Select(l => l.Wavelength).ToArray(), rejected.Select(l => l.Residual).ToArray(), MarkerShape.Cross, 9, Colors.C3);
            s.LegendText = "rejected";
        }
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot, size);
    }

    /// <summary>An extracted spectrum with the sky that was subtracted from it (when given).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static byte[] ExtractedSpectrum(IReadOnlyList<double> wavelength, IReadOnlyList<double> flux, IReadOnlyList<double>? sky = null, string wavelengthUnit = "Å", string fluxUnit = "electron", PlotSize? size = null)
    {
        SameLength(wavelength, flux, nameof(flux));
        if (sky is not null) SameLength(wavelength, sky, nameof(sky));
        var plot = New("Extracted spectrum", $"wavelength [{wavelengthUnit}]", $"flux [{fluxUnit}]");
        AddLine(plot, [.. wavelength], [.. flux], "object", Colors.C0);
        if (sky is not null) AddLine(plot, [.. wavelength], [.. sky], "sky", Colors.C1);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot, size);
    }

    /// <summary>A sensitivity function (the curve) with the standard star's measured points it was fitted to (when given).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static byte[] SensitivityFunction(IReadOnlyList<double> wavelength, IReadOnlyList<double> sensitivity, IReadOnlyList<(double Wavelength, double Value)>? measured = null,
        string wavelengthUnit = "Å", string unit = "mag", PlotSize? size = null)
    {
        SameLength(wavelength, sensitivity, nameof(sensitivity));
        var plot = New("Sensitivity function", $"wavelength [{wavelengthUnit}]", $"sensitivity [{unit}]");
        AddLine(plot, [.. wavelength], [.. sensitivity], "fit", Colors.C0);
        if (measured is { Count: > 0 })
        {
            var s = plot.Add.ScatterPoints(measured.Select(m => m.Wavelength).ToArray(), measured.Select(m => m.Value).ToArray(), Colors.C1);
            s.MarkerSize = 6;
            s.LegendText = "standard star";
        }
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot, size);
    }

    private static Plot New(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    /// <summary>A line through the finite points only (a NaN would break ScottPlot's line into nothing).</summary>
    private static void AddLine(Plot plot, double[] xs, double[] ys, string label, Color colour)
    {
        var keep = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i])).ToArray();
        if (keep.Length == 0) return;
        var line = plot.Add.ScatterLine(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), colour);
        line.LegendText = label;
        line.LineWidth = 1.5f;
    }

    private static byte[] Png(Plot plot, PlotSize? size)
    {
        var s = size ?? PlotSize.Default;
        if (s.Width < 100 || s.Height < 100) throw new ArgumentOutOfRangeException(nameof(size), s, "a plot needs at least 100 × 100 pixels");
        return plot.GetImageBytes(s.Width, s.Height, ImageFormat.Png);
    }

    private static void SameLength<T>(IReadOnlyList<double> reference, IReadOnlyList<T> other, string name)
    {
        if (other.Count != reference.Count) throw new ArgumentException($"{name} has {other.Count} values but there are {reference.Count} wavelengths", name);
    }

    private static double Rms(IEnumerable<double> values)
    {
        double ss = 0;
        var n = 0;
        foreach (var v in values) { ss += v * v; n++; }
        return n == 0 ? double.NaN : Math.Sqrt(ss / n);
    }

    private static (double Slope, double Intercept)? LineFit(double[] x, double[] y)
    {
        if (x.Length < 2) return null;
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        return sxx > 0 ? (sxy / sxx, my - sxy / sxx * mx) : null;
    }

    private static Color Palette(int i) => (i % 6) switch { 0 => Colors.C0, 1 => Colors.C1, 2 => Colors.C2, 3 => Colors.C3, 4 => Colors.C4, _ => Colors.C5 };

    private static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
