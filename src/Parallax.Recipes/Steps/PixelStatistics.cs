namespace Parallax.Recipes.Steps;

/// <summary>Robust statistics of pixel samples: median and the normalised median absolute deviation. NaN values are ignored.</summary>
public static class PixelStatistics
{
    /// <summary>MAD × 1.4826 estimates σ of a normal distribution.</summary>
    public const double MadToSigma = 1.482602218505602;

    /// <summary>The median of the finite values (the mean of the two middle ones for an even count); NaN when there are none. Reorders <paramref name="values"/>.</summary>
    public static double MedianInPlace(Span<float> values)
    {
        var n = CompactFinite(values);
        if (n == 0) return double.NaN;
        var v = values[..n];
        if (n <= 64)
        {
            v.Sort();
            return n % 2 == 1 ? v[n / 2] : 0.5 * ((double)v[n / 2 - 1] + v[n / 2]);
        }
        // Large samples (a whole image's pixels): selection in linear time instead of a full sort.
        var upper = Select(v, n / 2);
        if (n % 2 == 1) return upper;
        var lower = float.NegativeInfinity;
        foreach (var x in v[..(n / 2)]) if (x > lower) lower = x;
        return 0.5 * ((double)lower + upper);
    }

    /// <summary>
    /// Hoare's quickselect with a median-of-three pivot: reorders <paramref name="v"/> so that
    /// v[k] is the k-th smallest value, everything before it is ≤ and everything after is ≥.
    /// </summary>
    private static float Select(Span<float> v, int k)
    {
        int lo = 0, hi = v.Length - 1;
        while (hi > lo)
        {
            var mid = lo + (hi - lo) / 2;
            if (v[mid] < v[lo]) (v[mid], v[lo]) = (v[lo], v[mid]);
            if (v[hi] < v[lo]) (v[hi], v[lo]) = (v[lo], v[hi]);
            if (v[hi] < v[mid]) (v[hi], v[mid]) = (v[mid], v[hi]);
            var pivot = v[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j)
                {
                    (v[i], v[j]) = (v[j], v[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return v[k];
    }

    /// <summary>The median of the finite values, leaving <paramref name="values"/> untouched.</summary>
    public static double Median(ReadOnlySpan<float> values)
    {
        var copy = values.ToArray();
        return MedianInPlace(copy);
    }

    /// <summary>σ estimated as 1.4826 × the median absolute deviation from the median, of the finite values; NaN when there are none. Reorders <paramref name="values"/>.</summary>
    public static double RobustSigmaInPlace(Span<float> values)
    {
        var n = CompactFinite(values);
        if (n == 0) return double.NaN;
        var v = values[..n];
        var median = MedianInPlace(v);
        for (var i = 0; i < n; i++) v[i] = (float)Math.Abs(v[i] - median);
        return MadToSigma * MedianInPlace(v);
    }

    /// <summary>Moves the finite values to the front; returns how many there are.</summary>
    private static int CompactFinite(Span<float> values)
    {
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsFinite(values[i])) values[n++] = values[i];
        }
        return n;
    }
}
