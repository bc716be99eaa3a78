using System.Buffers;

namespace Parallax.Imaging.Statistics;

/// <summary>
/// Statistics of pixel values that ignore bad data: a value takes part only when it is finite
/// (not NaN, not ±∞) and, when a mask is given, none of the <c>reject</c> bits
/// (default <see cref="MaskBits.Unusable"/>) is set on it. The inputs are never modified (work
/// happens on a pooled scratch copy); sums are accumulated in double. Every method returns NaN
/// when no value is usable. Definitions follow numpy and astropy.stats so that numbers agree
/// with theirs.
/// </summary>
public static class RobustStatistics
{
    /// <summary>1 / Φ⁻¹(3/4): turns a median absolute deviation into σ for Gaussian data (astropy's <c>mad_std</c> constant).</summary>
    public const double MadToSigma = 1.482602218505602;

    /// <summary>How many values are usable (finite and not masked).</summary>
    public static int CountValid(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        CheckMask(values, mask);
        var n = 0;
        if (mask.IsEmpty)
        {
            foreach (var v in values) if (float.IsFinite(v)) n++;
            return n;
        }
        var bits = (ushort)reject;
        for (var i = 0; i < values.Length; i++)
            if (float.IsFinite(values[i]) && (mask[i] & bits) == 0) n++;
        return n;
    }

    /// <summary>Arithmetic mean of the usable values.</summary>
    public static double Mean(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        CheckMask(values, mask);
        double sum = 0;
        var n = 0;
        var bits = (ushort)reject;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!float.IsFinite(v) || (!mask.IsEmpty && (mask[i] & bits) != 0)) continue;
            sum += v;
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>Standard deviation of the usable values: sqrt(Σ(x − mean)² / (n − ddof)), two-pass as numpy's <c>std</c>; NaN when n ≤ ddof.</summary>
    public static double StandardDeviation(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable, int ddof = 0)
        => WithValid(values, mask, reject, (ddof, 0), static (v, a) => StandardDeviationOf(v, a.ddof));

    /// <summary>Median of the usable values, by selection (Floyd–Rivest), not by sorting; the mean of the two middle values for an even count.</summary>
    public static double Median(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => WithValid(values, mask, reject, 0, static (v, _) => Selection.Median(v));

    /// <summary>The q-th percentile (0..100) of the usable values, with numpy's default linear interpolation.</summary>
    public static double Percentile(ReadOnlySpan<float> values, double percent, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => WithValid(values, mask, reject, percent, static (v, q) => Selection.Percentile(v, q));

    /// <summary>Several percentiles of the same values with one scan for usable values; results in the order asked.</summary>
    public static double[] Percentiles(ReadOnlySpan<float> values, ReadOnlySpan<double> percents, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        var qs = percents.ToArray();
        return WithValid(values, mask, reject, qs, static (v, q) =>
        {
            var r = new double[q.Length];
            for (var i = 0; i < q.Length; i++) r[i] = Selection.Percentile(v, q[i]);
            return r;
        });
    }

    /// <summary>Median absolute deviation: median(|x − median(x)|).</summary>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => WithValid(values, mask, reject, 0, static (v, _) => MadOf(v, Selection.Median(v)));

    /// <summary>σ estimated from the median absolute deviation: <see cref="MadToSigma"/> · MAD (astropy's <c>mad_std</c>).</summary>
    public static double MadSigma(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => MadToSigma * MedianAbsoluteDeviation(values, mask, reject);

    /// <summary>
    /// Sigma-clipped mean, median and standard deviation with astropy's <c>sigma_clipped_stats</c>
    /// semantics (see <see cref="SigmaClipOptions"/>): clipping is two-sided and iterates until an
    /// iteration removes nothing or the iteration limit is reached.
    /// </summary>
    public static SigmaClippedStatistics SigmaClippedStats(ReadOnlySpan<float> values, SigmaClipOptions? options = null, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        options ??= SigmaClipOptions.Default;
        options.Validate();
        return WithValid(values, mask, reject, options, static (v, o) => SigmaClippedStatsOf(v, o));
    }

    /// <summary>
    /// Biweight location (astropy's <c>biweight_location</c>): M + Σ(x−M)(1−u²)² / Σ(1−u²)² over |u| &lt; 1,
    /// with u = (x − M) / (c · MAD). M is the median unless given; when the MAD is 0 the result is M.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="c">Tuning constant; 6 (astropy's default) keeps values within about 4σ.</param>
    /// <param name="location">Initial location M; null: the median.</param>
    /// <param name="mask">Optional mask, same length as <paramref name="values"/>.</param>
    /// <param name="reject">Mask bits that exclude a value.</param>
    public static double BiweightLocation(ReadOnlySpan<float> values, double c = 6.0, double? location = null, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => WithValid(values, mask, reject, (c, location), static (v, a) => BiweightLocationOf(v, a.c, a.location));

    /// <summary>
    /// Biweight midvariance (astropy's <c>biweight_midvariance</c>):
    /// n · Σ(x−M)²(1−u²)⁴ / (Σ(1−u²)(1−5u²))² over |u| &lt; 1, with u = (x − M)/(c · MAD).
    /// n counts every usable value, or only those with |u| &lt; 1 when <paramref name="modifySampleSize"/>
    /// is set. 0 when the MAD is 0.
    /// </summary>
    public static double BiweightMidvariance(ReadOnlySpan<float> values, double c = 9.0, double? location = null, bool modifySampleSize = false, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => WithValid(values, mask, reject, (c, location, modifySampleSize), static (v, a) => BiweightMidvarianceOf(v, a.c, a.location, a.modifySampleSize));

    /// <summary>Biweight scale: the square root of <see cref="BiweightMidvariance"/> (astropy's <c>biweight_scale</c>, c = 9): a robust σ.</summary>
    public static double BiweightScale(ReadOnlySpan<float> values, double c = 9.0, double? location = null, bool modifySampleSize = false, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => Math.Sqrt(BiweightMidvariance(values, c, location, modifySampleSize, mask, reject));

    /// <summary>
    /// The mode estimate 2.5·median − 1.5·mean of the usable values (SExtractor's estimate of the
    /// background mode of a skewed distribution). Clip the values first (for example with
    /// <see cref="SigmaClippedStats"/>) when they contain sources; <see cref="SigmaClippedMode"/> does both.
    /// </summary>
    public static double ModeEstimate(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
        => WithValid(values, mask, reject, 0, static (v, _) => ModeOf(Selection.Median(v), MeanOf(v)));

    /// <summary>2.5·median − 1.5·mean of the sigma-clipped values: the background mode as SExtractor measures it.</summary>
    public static double SigmaClippedMode(ReadOnlySpan<float> values, SigmaClipOptions? options = null, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        var s = SigmaClippedStats(values, options, mask, reject);
        return ModeOf(s.Median, s.Mean);
    }

    // ---- kernels on spans that hold only usable values (scratch: they may be reordered) ----

    /// <summary>2.5·median − 1.5·mean.</summary>
    internal static double ModeOf(double median, double mean) => 2.5 * median - 1.5 * mean;

    /// <summary>Mean of a span (double accumulation); NaN when empty.</summary>
    internal static double MeanOf(ReadOnlySpan<float> v)
    {
        if (v.IsEmpty) return double.NaN;
        double sum = 0;
        foreach (var x in v) sum += x;
        return sum / v.Length;
    }

    /// <summary>Two-pass standard deviation with ddof; NaN when the count is ≤ ddof.</summary>
    internal static double StandardDeviationOf(ReadOnlySpan<float> v, int ddof)
    {
        if (v.Length <= ddof) return double.NaN;
        var mean = MeanOf(v);
        double ss = 0;
        foreach (var x in v)
        {
            var d = x - mean;
            ss += d * d;
        }
        return Math.Sqrt(ss / (v.Length - ddof));
    }

    /// <summary>Median of |x − centre| (uses a pooled scratch buffer; <paramref name="v"/> is not reordered).</summary>
    internal static double MadOf(ReadOnlySpan<float> v, double centre)
    {
        if (v.IsEmpty) return double.NaN;
        // Deviations in double: a float would round |x − centre| and move the MAD in its 8th digit.
        var rented = ArrayPool<double>.Shared.Rent(v.Length);
        try
        {
            var dev = rented.AsSpan(0, v.Length);
            for (var i = 0; i < v.Length; i++) dev[i] = Math.Abs(v[i] - centre);
            return Selection.Median(dev);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// astropy's sigma_clip on a span of usable values: clips iteratively, compacting the kept values
    /// to the front of <paramref name="v"/>; returns the kept count and the bounds of the last iteration.
    /// </summary>
    internal static (int Kept, int Iterations, double Lower, double Upper) SigmaClipInPlace(Span<float> v, SigmaClipOptions o)
    {
        var n = v.Length;
        var iterations = 0;
        double lower = double.NaN, upper = double.NaN;
        var max = o.MaxIterations ?? int.MaxValue;
        var changed = true;
        while (changed && iterations < max && n > 0)
        {
            iterations++;
            var kept = v[..n];
            var centre = o.Centre == CentreFunction.Median ? Selection.Median(kept) : MeanOf(kept);
            var spread = o.Spread == SpreadFunction.StandardDeviation
                ? StandardDeviationOf(kept, 0)
                : MadToSigma * MadOf(kept, o.Centre == CentreFunction.Median ? centre : Selection.Median(kept));
            lower = centre - spread * o.Lower;
            upper = centre + spread * o.Upper;
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                var x = kept[i];
                if (x >= lower && x <= upper) v[m++] = x;
            }
            changed = m != n;
            n = m;
        }
        return (n, iterations, lower, upper);
    }

    private static SigmaClippedStatistics SigmaClippedStatsOf(Span<float> v, SigmaClipOptions o)
    {
        var total = v.Length;
        var (kept, iterations, lower, upper) = SigmaClipInPlace(v, o);
        var k = v[..kept];
        var mean = MeanOf(k);
        var std = StandardDeviationOf(k, o.StdDdof);
        var median = Selection.Median(k);
        return new SigmaClippedStatistics(mean, median, std, kept, total - kept, iterations, lower, upper);
    }

    private static double BiweightLocationOf(Span<float> v, double c, double? location)
    {
        if (v.IsEmpty) return double.NaN;
        var median = Selection.Median(v);
        var m = location ?? median;
        // astropy measures the MAD about the median even when M is given.
        var mad = MadOf(v, median);
        if (mad == 0 || double.IsNaN(mad)) return m;
        double num = 0, den = 0;
        foreach (var x in v)
        {
            var d = x - m;
            var u = d / (c * mad);
            if (Math.Abs(u) >= 1) continue;
            var w = 1 - u * u;
            w *= w;
            num += d * w;
            den += w;
        }
        return m + num / den;
    }

    private static double BiweightMidvarianceOf(Span<float> v, double c, double? location, bool modifySampleSize)
    {
        if (v.IsEmpty) return double.NaN;
        var median = Selection.Median(v);
        var m = location ?? median;
        var mad = MadOf(v, median);
        if (mad == 0 || double.IsNaN(mad)) return 0;
        double f1 = 0, f2 = 0;
        var inside = 0;
        foreach (var x in v)
        {
            var d = x - m;
            var u = d / (c * mad);
            if (Math.Abs(u) >= 1) continue;
            var u2 = u * u;
            var w = 1 - u2;
            f1 += d * d * (w * w * w * w);
            f2 += w * (1 - 5 * u2);
            inside++;
        }
        var n = modifySampleSize ? inside : v.Length;
        return n * f1 / (f2 * f2);
    }

    // ---- gathering usable values into a pooled scratch span ----

    private static TResult WithValid<TArg, TResult>(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask, MaskBits reject, TArg arg, Func<Span<float>, TArg, TResult> body)
    {
        CheckMask(values, mask);
        var rented = ArrayPool<float>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            var n = Gather(values, mask, reject, rented);
            return body(rented.AsSpan(0, n), arg);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Copies the usable values (finite, no <paramref name="reject"/> bit) to the front of <paramref name="destination"/>; returns how many.</summary>
    internal static int Gather(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask, MaskBits reject, Span<float> destination)
    {
        var n = 0;
        if (mask.IsEmpty)
        {
            foreach (var v in values) if (float.IsFinite(v)) destination[n++] = v;
            return n;
        }
        var bits = (ushort)reject;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (float.IsFinite(v) && (mask[i] & bits) == 0) destination[n++] = v;
        }
        return n;
    }

    private static void CheckMask(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask)
    {
        if (!mask.IsEmpty && mask.Length != values.Length)
            throw new ArgumentException($"the mask has {mask.Length} entries but there are {values.Length} values", nameof(mask));
    }
}
