namespace Parallax.Imaging.Background;

/// <summary>
/// SExtractor's estimate of one background box: a 2σ-clipped mean and σ, a histogram of the pixels
/// within ±5σ of it, then 3σ clipping on the histogram until σ settles; the mode is
/// 2.5·median − 1.5·mean, or the median when the distribution is too skewed for that formula
/// (|mean − median| ≥ 0.3σ: a box crowded by a bright source).
/// </summary>
internal static class BoxStatistics
{
    /// <summary>Histogram half-width in σ (SExtractor QUANTIF_NSIGMA).</summary>
    private const double HistogramSigmas = 5;

    /// <summary>Most histogram bins (QUANTIF_NMAXLEVELS).</summary>
    public const int MaxLevels = 4096;

    /// <summary>Pixels per bin at the mode (QUANTIF_AMIN).</summary>
    private const double PixelsPerModeBin = 4;

    /// <summary>Mean, σ and count of the unmasked pixels of a box whose values lie in [<paramref name="low"/>, <paramref name="high"/>] (NaN never does).</summary>
    private static (double Mean, double Sigma, int Count) Moments(ReadOnlySpan<float> data, ReadOnlySpan<ushort> mask, int stride, int x0, int y0, int width, int height, ushort reject, float low, float high)
    {
        double sum = 0, sum2 = 0;
        var n = 0;
        for (var y = 0; y < height; y++)
        {
            var row = data.Slice((y0 + y) * stride + x0, width);
            var mrow = mask.Slice((y0 + y) * stride + x0, width);
            for (var x = 0; x < width; x++)
            {
                var v = row[x];
                if (!(v >= low && v <= high) || (mrow[x] & reject) != 0) continue;
                sum += v;
                sum2 += (double)v * v;
                n++;
            }
        }
        if (n == 0) return (double.NaN, double.NaN, 0);
        var mean = sum / n;
        var variance = sum2 / n - mean * mean;
        return (mean, variance > 0 ? Math.Sqrt(variance) : 0, n);
    }

    /// <summary>
    /// Mode and σ of the usable pixels of a box; (NaN, NaN) when fewer than <paramref name="minGood"/>
    /// pixels are usable. <paramref name="histogram"/> is scratch of at least <see cref="MaxLevels"/> counts.
    /// </summary>
    public static (float Mode, float Sigma) Estimate(ReadOnlySpan<float> data, ReadOnlySpan<ushort> mask, int stride, int x0, int y0, int width, int height, ushort reject, double minGood, Span<int> histogram)
    {
        // First pass: plain mean and σ of the usable pixels (finite: within ±float.MaxValue).
        var (mean, sigma, n) = Moments(data, mask, stride, x0, y0, width, height, reject, float.MinValue, float.MaxValue);
        if (n == 0 || n < minGood) return (float.NaN, float.NaN);

        // Second pass: mean and σ within ±2σ, which sets the histogram's range.
        (mean, sigma, n) = Moments(data, mask, stride, x0, y0, width, height, reject, (float)(mean - 2 * sigma), (float)(mean + 2 * sigma));
        var levels = (int)(Math.Sqrt(2 / Math.PI) * HistogramSigmas / PixelsPerModeBin * n + 1);
        if (levels > MaxLevels) levels = MaxLevels;
        var qscale = sigma > 0 ? (float)(2 * HistogramSigmas * sigma / levels) : 1f;
        var qzero = (float)(mean - HistogramSigmas * sigma);

        // Third pass: the histogram.
        var histo = histogram[..levels];
        histo.Clear();
        var cste = 0.499999f - qzero / qscale;
        for (var y = 0; y < height; y++)
        {
            var row = data.Slice((y0 + y) * stride + x0, width);
            var mrow = mask.Slice((y0 + y) * stride + x0, width);
            for (var x = 0; x < width; x++)
            {
                var v = row[x];
                if (!float.IsFinite(v) || (mrow[x] & reject) != 0) continue;
                var bin = (int)(v / qscale + cste);
                if ((uint)bin < (uint)levels) histo[bin]++;
            }
        }
        return FromHistogram(histo, mean, qzero, qscale);
    }

    /// <summary>Iterative 3σ clipping on the histogram, then the mode (SExtractor's backguess).</summary>
    private static (float Mode, float Sigma) FromHistogram(ReadOnlySpan<int> histo, double boxMean, float qzero, float qscale)
    {
        var last = histo.Length - 1;
        int lcut = 0, hcut = last;
        double sig = 10.0 * last, sig1 = 1.0, mea = boxMean, med = boxMean;
        for (var iter = 100; iter-- > 0 && sig >= 0.1 && Math.Abs(sig / sig1 - 1.0) > 1e-4;)
        {
            sig1 = sig;
            double sum = 0;
            mea = sig = 0;
            long lowsum = 0, highsum = 0;
            int lo = lcut, hi = hcut;
            for (var i = lcut; i <= hcut; i++)
            {
                // Walk in from both ends until the counts meet: the median bin.
                if (lowsum < highsum) lowsum += histo[lo++];
                else highsum += histo[hi--];
                double pix = histo[i];
                sum += pix;
                mea += pix * i;
                sig += pix * i * (double)i;
            }
            var peak = Math.Max(lo < histo.Length ? histo[lo] : 0, hi >= 0 ? histo[hi] : 0);
            med = hi >= 0 ? hi + 0.5 + (highsum - lowsum) / (2.0 * Math.Max(peak, 1)) : 0.0;
            if (sum > 0)
            {
                mea /= sum;
                sig = sig / sum - mea * mea;
            }
            sig = sig > 0 ? Math.Sqrt(sig) : 0;
            var low = med - 3 * sig;
            var high = med + 3 * sig;
            lcut = low > 0 ? (int)(low + 0.5) : 0;
            hcut = high < last ? (int)(high > 0 ? high + 0.5 : high - 0.5) : last;
        }
        double mode;
        if (Math.Abs(sig) > 0)
            mode = Math.Abs((mea - med) / sig) < 0.3 ? qzero + (2.5 * med - 1.5 * mea) * qscale : qzero + med * qscale;
        else
            mode = qzero + mea * qscale;
        return ((float)mode, (float)(sig * qscale));
    }
}
