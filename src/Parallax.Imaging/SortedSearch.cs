namespace Parallax.Imaging;

/// <summary>Searches in ascending sorted arrays.</summary>
public static class SortedSearch
{
    /// <summary>
    /// The first index whose value is not below <paramref name="value"/> (C++'s lower_bound):
    /// <paramref name="sorted"/>.Length when every value is below it. NaN values must not be present.
    /// </summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
