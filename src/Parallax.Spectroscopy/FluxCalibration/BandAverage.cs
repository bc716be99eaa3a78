namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// The mean of a per-Ångström density over a band [lo, hi], with its variance: pixels weighted by their overlap with
/// the band (flux-conserving); a band narrower than two pixels is read by linear interpolation between the two pixel
/// centres around its centre instead, since a bin average there would be one pixel's value shifted by up to half a pixel.
/// A band touching an unusable pixel or reaching outside the spectrum has no value.
/// </summary>
internal static class BandAverage
{
    public static bool TryMeasure(ReadOnlySpan<double> centres, ReadOnlySpan<double> edges, ReadOnlySpan<double> density, ReadOnlySpan<double> variance,
        ReadOnlySpan<bool> usable, double centre, double width, out double mean, out double meanVariance)
    {
        mean = meanVariance = double.NaN;
        var n = centres.Length;
        if (n < 2) return false;
        var lo = centre - width / 2;
        var hi = centre + width / 2;
        var k = LowerIndex(centres, centre);
        var localWidth = edges[Math.Clamp(k, 0, n - 1) + 1] - edges[Math.Clamp(k, 0, n - 1)];
        if (width < 2 * localWidth)
        {
            if (k < 0 || k >= n - 1 || !usable[k] || !usable[k + 1]) return false;
            var t = (centre - centres[k]) / (centres[k + 1] - centres[k]);
            mean = (1 - t) * density[k] + t * density[k + 1];
            meanVariance = (1 - t) * (1 - t) * variance[k] + t * t * variance[k + 1];
            return true;
        }
        if (lo < edges[0] || hi > edges[n]) return false;
        double sw = 0, s = 0, sv = 0;
        for (var i = Math.Max(0, LowerIndex(edges, lo)); i < n && edges[i] < hi; i++)
        {
            var overlap = Math.Min(hi, edges[i + 1]) - Math.Max(lo, edges[i]);
            if (overlap <= 0) continue;
            if (!usable[i]) return false;
            sw += overlap;
            s += overlap * density[i];
            sv += overlap * overlap * variance[i];
        }
        if (!(sw > 0)) return false;
        mean = s / sw;
        meanVariance = sv / (sw * sw);
        return true;
    }

    /// <summary>The index of the last value ≤ x in an ascending span (−1 when x lies below the first).</summary>
    private static int LowerIndex(ReadOnlySpan<double> values, double x)
    {
        var i = values.BinarySearch(x);
        return i >= 0 ? i : ~i - 1;
    }
}
