namespace Parallax.Fits.Tests.Support;

/// <summary>Statistics as the reference scripts compute them (NaN skipped, compensated sum, numpy median).</summary>
public readonly record struct PixelStats(long Count, long NanCount, double Sum, double Mean, double Median, double Min, double Max)
{
    /// <summary>Computes the statistics of physical values.</summary>
    public static PixelStats Of(ReadOnlySpan<double> values)
    {
        var finite = new List<double>(values.Length);
        long nan = 0;
        double sum = 0, c = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) { nan++; continue; }
            finite.Add(v);
            // Neumaier summation, close to math.fsum for these sizes.
            var t = sum + v;
            c += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        finite.Sort();
        var n = finite.Count;
        var median = n == 0 ? double.NaN : n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
        // With infinities the compensation term is NaN; the plain sum is what numpy reports.
        var total = double.IsFinite(sum) ? sum + c : finite.Sum();
        return new PixelStats(values.Length, nan, total, n == 0 ? double.NaN : total / n, median, min, max);
    }
}
