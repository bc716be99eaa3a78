using Parallax.Imaging;
using Parallax.Imaging.Statistics;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// Extracts an arc spectrum along a curve across the dispersion: at each column the rows within ± half-width of
/// the curve are averaged (a weighted mean) after clipping the values far from their median (cosmic rays, hot pixels), skipping NaN and
/// <see cref="MaskBits.Unusable"/> pixels.
/// </summary>
public static class ArcExtraction
{
    /// <summary>Extracts a window of 2·<paramref name="halfWidth"/> + 1 rows centred exactly on <paramref name="centreRow"/>(x) at each column x (end rows weighted by the fraction inside).</summary>
    /// <param name="arc">The arc frame (dispersion along x).</param>
    /// <param name="centreRow">Row of the curve at each column, e.g. <see cref="Slits.SlitEdges.CentreRow"/>.</param>
    /// <param name="halfWidth">Rows each side of the curve (default 5).</param>
    /// <param name="clipSigma">Values further than this many σ from the column's median are left out (σ from the
    /// variance plane when it holds positive values, else from the median absolute deviation); default 5.</param>
    public static ArcSpectrum Extract(MaskedImage arc, Func<double, double> centreRow, int halfWidth = 5, double clipSigma = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(halfWidth);
        var (w, h) = (arc.Width, arc.Height);
        var flux = new float[w];
        var variance = new float[w];
        var weights = new float[2 * halfWidth + 3];
        var values = new float[2 * halfWidth + 3];
        var vars = new float[2 * halfWidth + 3];
        var scratch = new float[2 * halfWidth + 3];
        for (var x = 0; x < w; x++)
        {
            // Rows covering [yc − h − ½, yc + h + ½] with the end rows weighted by the fraction covered, so that the
            // window is centred on the curve exactly (a tilted line then keeps its position on the curve).
            var yc = centreRow(x);
            var low = yc - halfWidth - 0.5;
            var high = yc + halfWidth + 0.5;
            var n = 0;
            for (var y = Math.Max(0, (int)Math.Floor(low + 0.5)); y <= Math.Min(h - 1, (int)Math.Floor(high + 0.5)); y++)
            {
                var weight = Math.Min(high, y + 0.5) - Math.Max(low, y - 0.5);
                if (weight <= 1e-6) continue;
                var i = y * w + x;
                var v = arc.Data[i];
                if (!float.IsFinite(v) || (arc.Mask[i] & (ushort)MaskBits.Unusable) != 0) continue;
                values[n] = v;
                vars[n] = arc.Variance[i];
                weights[n] = (float)weight;
                n++;
            }
            if (n == 0) { flux[x] = variance[x] = float.NaN; continue; }
            values.AsSpan(0, n).CopyTo(scratch);
            var median = Selection.Median(scratch.AsSpan(0, n));
            for (var k = 0; k < n; k++) scratch[k] = MathF.Abs(values[k] - (float)median);
            var mad = 1.4826 * Selection.Median(scratch.AsSpan(0, n));
            double sum = 0, varSum = 0, weightSum = 0;
            for (var k = 0; k < n; k++)
            {
                var sigma = vars[k] > 0 ? Math.Sqrt(vars[k]) : mad;
                if (sigma > 0 && Math.Abs(values[k] - median) > clipSigma * sigma) continue;
                sum += weights[k] * values[k];
                varSum += weights[k] * weights[k] * vars[k];
                weightSum += weights[k];
            }
            flux[x] = (float)(sum / weightSum);
            variance[x] = varSum > 0 ? (float)(varSum / (weightSum * weightSum)) : float.NaN;
        }
        return new ArcSpectrum(flux, variance);
    }
}
