using System.Numerics;
using System.Numerics.Tensors;

namespace Parallax.Imaging.Statistics;

/// <summary>
/// Order statistics by selection (Floyd–Rivest), in expected linear time: a median of n values
/// costs about 1.5·n comparisons instead of a sort's n·log n. The methods reorder the span they
/// are given (pass a scratch copy to keep the original) and expect no NaN: the masked- and
/// NaN-aware entry points in <see cref="RobustStatistics"/> remove those first.
/// </summary>
public static class Selection
{
    /// <summary>Below this many elements, plain partitioning beats Floyd–Rivest's sampling step.</summary>
    private const int SampleAbove = 600;

    /// <summary>
    /// Reorders <paramref name="values"/> so that <c>values[k]</c> is the k-th smallest (zero-based),
    /// every element before it is ≤ it and every element after it is ≥ it; returns that element.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside 0..Length−1.</exception>
    public static float Select(Span<float> values, int k) => Select<float>(values, k);

    /// <summary>As <see cref="Select(Span{float}, int)"/>, for double values.</summary>
    public static double Select(Span<double> values, int k) => Select<double>(values, k);

    private static T Select<T>(Span<T> values, int k) where T : unmanaged, INumber<T>
    {
        if ((uint)k >= (uint)values.Length) throw new ArgumentOutOfRangeException(nameof(k), $"k = {k} is outside 0..{values.Length - 1}");
        FloydRivest(values, 0, values.Length - 1, k);
        return values[k];
    }

    /// <summary>The median (mean of the two middle values when the count is even, as numpy does); NaN for an empty span. Reorders the span.</summary>
    public static double Median(Span<float> values) => Median<float>(values);

    /// <summary>As <see cref="Median(Span{float})"/>, for double values.</summary>
    public static double Median(Span<double> values) => Median<double>(values);

    private static double Median<T>(Span<T> values) where T : unmanaged, INumber<T>
    {
        var n = values.Length;
        if (n == 0) return double.NaN;
        var k = n / 2;
        var upper = double.CreateTruncating(Select(values, k));
        if ((n & 1) == 1) return upper;
        // After selection every element left of k is ≤ values[k]; the largest of them is the lower middle.
        var lower = double.CreateTruncating(TensorPrimitives.Max<T>(values[..k]));
        return (lower + upper) / 2.0;
    }

    /// <summary>
    /// The q-th percentile (0 ≤ q ≤ 100) with linear interpolation between the closest ranks,
    /// numpy's default ("linear", type 7 of Hyndman and Fan): position h = (n−1)·q/100. NaN for an
    /// empty span. Reorders the span.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0..100.</exception>
    public static double Percentile(Span<float> values, double percent) => Percentile<float>(values, percent);

    /// <summary>As <see cref="Percentile(Span{float}, double)"/>, for double values.</summary>
    public static double Percentile(Span<double> values, double percent) => Percentile<double>(values, percent);

    private static double Percentile<T>(Span<T> values, double percent) where T : unmanaged, INumber<T>
    {
        if (!(percent >= 0 && percent <= 100)) throw new ArgumentOutOfRangeException(nameof(percent), $"percentile {percent} is outside 0..100");
        var n = values.Length;
        if (n == 0) return double.NaN;
        var h = (n - 1) * (percent / 100.0);
        var lo = (int)Math.Floor(h);
        if (lo >= n - 1) return double.CreateTruncating(Select(values, n - 1));
        var a = double.CreateTruncating(Select(values, lo));
        var t = h - lo;
        if (t == 0) return a;
        // Everything right of lo is ≥ values[lo]; the smallest of them is the next rank.
        var b = double.CreateTruncating(TensorPrimitives.Min<T>(values[(lo + 1)..]));
        return Lerp(a, b, t);
    }

    /// <summary>numpy's interpolation between neighbouring ranks (the same expression, so results agree to the last bit).</summary>
    internal static double Lerp(double a, double b, double t)
    {
        var diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static void FloydRivest<T>(Span<T> a, int left, int right, int k) where T : unmanaged, INumber<T>
    {
        while (right > left)
        {
            if (right - left > SampleAbove)
            {
                // Recurse on a small sample to pick pivots that bracket the k-th element tightly.
                double n = right - left + 1;
                double i = k - left + 1;
                var z = Math.Log(n);
                var s = 0.5 * Math.Exp(2 * z / 3);
                var sd = 0.5 * Math.Sqrt(z * s * (n - s) / n) * Math.Sign(i - n / 2);
                var newLeft = Math.Max(left, (int)(k - i * s / n + sd));
                var newRight = Math.Min(right, (int)(k + (n - i) * s / n + sd));
                FloydRivest(a, newLeft, newRight, k);
            }
            var t = a[k];
            var lo = left;
            var hi = right;
            Swap(a, left, k);
            if (a[right] > t) Swap(a, right, left);
            while (lo < hi)
            {
                Swap(a, lo, hi);
                lo++;
                hi--;
                while (a[lo] < t) lo++;
                while (a[hi] > t) hi--;
            }
            if (a[left] == t) Swap(a, left, hi);
            else
            {
                hi++;
                Swap(a, hi, right);
            }
            if (hi <= k) left = hi + 1;
            if (k <= hi) right = hi - 1;
        }
    }

    private static void Swap<T>(Span<T> a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
