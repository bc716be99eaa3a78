using Parallax.Imaging;
using Parallax.Spectroscopy.Fitting;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// Follows identified arc lines across the slit and fits their tilt: from the slit centre outwards to each edge, the
/// rows are averaged in bins and the line's column in each bin measured by a pixel-integrated Gaussian fit in a small
/// window around where the line was in the previous bin (centroid following); the offsets from the line's column on the
/// slit centre, over all lines, are fitted with a Legendre surface in (column, row offset) with iterative rejection.
/// </summary>
public static class LineTiltTracer
{
    /// <summary>Traces the solution's used lines on <paramref name="arc"/> and fits the tilt surface.</summary>
    /// <param name="arc">The arc frame the solution was measured on (dispersion along x).</param>
    /// <param name="edges">The slit (its centre is where the lines' columns were measured).</param>
    /// <param name="solution">The wavelength solution; its used lines are traced.</param>
    /// <param name="options"><see cref="LineTiltOptions.Default"/> when null.</param>
    /// <exception cref="InvalidOperationException">Too few measurements to fit the surface.</exception>
    public static LineTilts Trace(MaskedImage arc, SlitEdges edges, WavelengthSolution solution, LineTiltOptions? options = null)
    {
        options ??= LineTiltOptions.Default;
        options.Validate();
        var xs = new List<double>();
        var dys = new List<double>();
        var offsets = new List<double>();
        var weights = new List<double>();
        var traced = 0;
        foreach (var line in solution.Lines.Where(l => l.Used && l.Line.Significance >= options.MinimumSignificance))
        {
            var x0 = line.Line.Centre;
            var before = xs.Count;
            foreach (var direction in new[] { +1, -1 })
            {
                var expected = x0;
                var slope = 0.0;
                var previousDy = 0.0;
                for (var step = direction > 0 ? 0 : 1; ; step++)
                {
                    var dy = (double)(direction > 0 ? step * options.RowBin : -step * options.RowBin);
                    var centre = edges.CentreRow(expected);
                    var yMid = centre + dy;
                    var position = edges.Position(expected, yMid);
                    if (position < options.EdgeMargin || position > 1 - options.EdgeMargin) break;
                    var measured = Measure(arc, expected + slope * (dy - previousDy), yMid, options, out var error);
                    if (double.IsFinite(measured) && Math.Abs(measured - (expected + slope * (dy - previousDy))) < 1.5)
                    {
                        if (dy != previousDy) slope = (measured - expected) / (dy - previousDy);
                        xs.Add(measured);
                        dys.Add(yMid - edges.CentreRow(measured));
                        offsets.Add(measured - x0);
                        weights.Add(1 / (error * error + 0.01 * 0.01));
                        expected = measured;
                        previousDy = dy;
                    }
                }
            }
            if (xs.Count > before) traced++;
        }
        var lo = 0.0;
        var hi = Math.Max(1, edges.Width - 1);
        var halfLength = Enumerable.Range(0, 5).Max(i => edges.Length(i * hi / 4)) / 2;
        var fit = LeastSquares.FitSurface(xs.ToArray(), dys.ToArray(), offsets.ToArray(), weights.ToArray(), options.DispersionOrder, options.SlitOrder,
            (lo, hi), (-halfLength, halfLength), options.RejectSigma)
            ?? throw new InvalidOperationException($"line tilts: {xs.Count} measurements on {traced} lines are too few for a surface of orders {options.DispersionOrder} × {options.SlitOrder}");
        return new LineTilts(fit.Model, edges, traced, fit.NumberUsed, fit.NumberRejected, fit.Rms);
    }

    // The line's column in the rows [yMid − bin/2, yMid + bin/2): the rows are averaged column by column (NaN and unusable
    // pixels skipped) and a pixel-integrated Gaussian on a constant is fitted around `expected`.
    private static double Measure(MaskedImage arc, double expected, double yMid, LineTiltOptions options, out double error)
    {
        error = double.NaN;
        var (w, h) = (arc.Width, arc.Height);
        var y0 = (int)Math.Round(yMid - (options.RowBin - 1) / 2.0);
        var y1 = y0 + options.RowBin - 1;
        var x0 = (int)Math.Round(expected) - options.HalfWidth;
        var x1 = (int)Math.Round(expected) + options.HalfWidth;
        if (y0 < 0 || y1 >= h || x0 < 0 || x1 >= w) return double.NaN;
        Span<double> values = stackalloc double[x1 - x0 + 1];
        Span<double> variances = stackalloc double[x1 - x0 + 1];
        for (var x = x0; x <= x1; x++)
        {
            double sum = 0, variance = 0;
            var n = 0;
            for (var y = y0; y <= y1; y++)
            {
                var i = y * w + x;
                var v = arc.Data[i];
                if (!float.IsFinite(v) || (arc.Mask[i] & (ushort)MaskBits.Unusable) != 0) continue;
                sum += v;
                variance += arc.Variance[i];
                n++;
            }
            if (n == 0) return double.NaN;
            values[x - x0] = sum / n;
            variances[x - x0] = variance > 0 ? variance / ((double)n * n) : double.NaN;
        }
        var peak = 0.0;
        var background = double.PositiveInfinity;
        foreach (var v in values) { peak = Math.Max(peak, v); background = Math.Min(background, v); }
        var fit = GaussianProfileFit.Fit(values, variances, x0, peak - background, expected, 1.0, background);
        if (!(fit.Amplitude > 0) || !(fit.Sigma is > 0.2 and < 5) || fit.Centre < x0 || fit.Centre > x1) return double.NaN;
        error = fit.CentreError;
        return double.IsFinite(error) ? fit.Centre : double.NaN;
    }
}
