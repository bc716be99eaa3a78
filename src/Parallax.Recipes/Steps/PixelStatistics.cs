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
        v.Sort();
        return n % 2 == 1 ? v[n / 2] : 0.5 * ((double)v[n / 2 - 1] + v[n / 2]);
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
