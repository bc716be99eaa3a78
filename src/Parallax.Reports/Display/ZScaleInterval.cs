using System.Buffers;
using Parallax.Imaging;

namespace Parallax.Reports.Display;

/// <summary>
/// IRAF's zscale, as <c>astropy.visualization.ZScaleInterval</c> (5.2) computes it: take up to
/// <see cref="Samples"/> usable values at a regular stride, sort them, fit a line to the sorted
/// values with iterative k-sigma rejection (rejected points grown by 1% of the sample), and show the
/// range the line spans around the median, widened by 1/<see cref="Contrast"/> and kept within the
/// sample's extremes. When the rejection leaves too few points the limits are the sample's min and max.
/// </summary>
public sealed record ZScaleInterval : IInterval
{
    /// <summary>Number of values sampled (astropy's <c>n_samples</c>).</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>Scale of the slope (0..1): smaller widens the limits (astropy's <c>contrast</c>).</summary>
    public double Contrast { get; init; } = 0.25;

    /// <summary>When more than this fraction of the sample is rejected, the min/max are returned (astropy's <c>max_reject</c>).</summary>
    public double MaxReject { get; init; } = 0.5;

    /// <summary>Fewest points left after rejection for the fit to be used (astropy's <c>min_npixels</c>).</summary>
    public int MinPixels { get; init; } = 5;

    /// <summary>Rejection threshold in standard deviations of the residuals (astropy's <c>krej</c>).</summary>
    public double KRej { get; init; } = 2.5;

    /// <summary>Most rejection iterations (astropy's <c>max_iterations</c>).</summary>
    public int MaxIterations { get; init; } = 5;

    /// <inheritdoc/>
    public DisplayLimits GetLimits(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        var useMask = !mask.IsEmpty;
        var bits = (ushort)reject;
        var usable = 0;
        for (var i = 0; i < values.Length; i++)
            if (float.IsFinite(values[i]) && !(useMask && (mask[i] & bits) != 0)) usable++;
        if (usable == 0) return new DisplayLimits(double.NaN, double.NaN);

        // astropy: stride = int(max(1, n / n_samples)); samples = values[::stride][:n_samples].
        var stride = (int)Math.Max(1.0, usable / (double)Samples);
        var npix = Math.Min(Samples, (usable + stride - 1) / stride);
        var samples = new float[npix];
        for (int i = 0, k = 0, taken = 0; i < values.Length && taken < npix; i++)
        {
            if (!float.IsFinite(values[i]) || (useMask && (mask[i] & bits) != 0)) continue;
            if (k++ % stride == 0) samples[taken++] = values[i];
        }
        Array.Sort(samples);
        return Fit(samples);
    }

    /// <summary>The zscale limits of a sorted sample.</summary>
    private DisplayLimits Fit(float[] samples)
    {
        var npix = samples.Length;
        double vmin = samples[0], vmax = samples[^1];
        var minpix = Math.Max(MinPixels, (int)(npix * MaxReject));
        var ngrow = Math.Max(1, (int)(npix * 0.01));
        var bad = ArrayPool<bool>.Shared.Rent(npix);
        var grown = ArrayPool<int>.Shared.Rent(npix + 1);
        try
        {
            Array.Clear(bad, 0, npix);
            int ngood = npix, lastGood = npix + 1;
            double slope = 0, intercept = 0;
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                if (ngood >= lastGood || ngood < minpix) break;
                (slope, intercept) = LineFit(samples, bad);
                var threshold = KRej * ResidualStd(samples, bad, slope, intercept);
                for (var i = 0; i < npix; i++)
                {
                    var flat = samples[i] - (slope * i + intercept);
                    if (flat < -threshold || flat > threshold) bad[i] = true;
                }
                Grow(bad, npix, ngrow, grown);
                lastGood = ngood;
                ngood = 0;
                for (var i = 0; i < npix; i++) if (!bad[i]) ngood++;
            }
            if (ngood >= minpix)
            {
                if (Contrast > 0) slope /= Contrast;
                var center = (npix - 1) / 2;
                double median = (npix & 1) == 1 ? samples[npix / 2] : (samples[npix / 2 - 1] + samples[npix / 2]) / 2f;
                vmin = Math.Max(vmin, median - (center - 1) * slope);
                vmax = Math.Min(vmax, median + (npix - center) * slope);
            }
            return new DisplayLimits(vmin, vmax);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(bad);
            ArrayPool<int>.Shared.Return(grown);
        }
    }

    /// <summary>Least-squares line through the good points (index, value), as <c>np.polyfit(x, y, 1, w=good)</c>.</summary>
    private static (double Slope, double Intercept) LineFit(float[] y, bool[] bad)
    {
        double n = 0, sx = 0, sy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (bad[i]) continue;
            n++; sx += i; sy += y[i];
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (bad[i]) continue;
            var dx = i - mx;
            sxx += dx * dx; sxy += dx * (y[i] - my);
        }
        var slope = sxx > 0 ? sxy / sxx : 0;
        return (slope, my - slope * mx);
    }

    /// <summary>Population standard deviation (ddof 0) of the good points' residuals from the line.</summary>
    private static double ResidualStd(float[] y, bool[] bad, double slope, double intercept)
    {
        double n = 0, sum = 0;
        for (var i = 0; i < y.Length; i++) if (!bad[i]) { n++; sum += y[i] - (slope * i + intercept); }
        var mean = sum / n;
        double ss = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (bad[i]) continue;
            var d = y[i] - (slope * i + intercept) - mean;
            ss += d * d;
        }
        return Math.Sqrt(ss / n);
    }

    /// <summary>
    /// Dilates the rejected points as <c>np.convolve(bad, ones(ngrow), mode="same")</c> does: a point
    /// k marks i in [k − (ngrow−1)/2, k + ngrow/2], i.e. i is bad when any k in [i − ngrow/2, i + (ngrow−1)/2] is.
    /// </summary>
    private static void Grow(bool[] bad, int n, int ngrow, int[] prefix)
    {
        prefix[0] = 0;
        for (var i = 0; i < n; i++) prefix[i + 1] = prefix[i] + (bad[i] ? 1 : 0);
        int left = ngrow / 2, right = (ngrow - 1) / 2;
        for (var i = 0; i < n; i++)
        {
            int a = Math.Max(0, i - left), b = Math.Min(n - 1, i + right);
            bad[i] = prefix[b + 1] - prefix[a] > 0;
        }
    }
}
