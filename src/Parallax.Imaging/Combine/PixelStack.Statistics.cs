using System.Runtime.CompilerServices;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Combine;

// Statistics of the stack being finished: access to its values, order statistics of the sorted
// range, moments and the output variance.
internal sealed partial class PixelStack
{
    private double Variance(in StackBand band, int at, int lo, int hi, double weightSum)
    {
        var k = hi - lo;
        var medianFactor = _p.Method == CombineMethod.Median ? Math.PI / 2 : 1.0;
        if (_propagate)
        {
            if (_p.Method == CombineMethod.WeightedMean) return 1.0 / weightSum;
            double sv = 0;
            var variance = band.Variance!;
            for (var j = lo; j < hi; j++)
            {
                var i = I(j);
                sv += variance[i][at] * _scale2[i];
            }
            return _p.Method == CombineMethod.Sum ? sv : medianFactor * sv / ((double)k * k);
        }
        if (k < 2) return double.NaN;
        var (_, sumD, sumD2) = Moments(lo, hi);
        var s2 = Math.Max(0, sumD2 - sumD * sumD / k) / (k - 1);
        return _p.Method == CombineMethod.Sum ? k * s2 : medianFactor * s2 / k;
    }

    /// <summary>
    /// Σd and Σd² with d = x − shift, in one pass with two independent accumulator pairs (these
    /// add chains are the pixel loop's critical path). The shift — the median of a sorted range,
    /// else the first value — sits inside the data, so Σd² − (Σd)²/k loses no precision to
    /// cancellation: mean = shift + Σd/k, Σ(x − mean)² = Σd² − (Σd)²/k.
    /// </summary>
    private (double Shift, double SumD, double SumD2) Moments(int lo, int hi)
    {
        var shift = _needSort ? SortedMedian(lo, hi) : V(lo);
        double s0 = 0, s1 = 0, q0 = 0, q1 = 0;
        var j = lo;
        for (; j + 1 < hi; j += 2)
        {
            var d0 = V(j) - shift;
            var d1 = V(j + 1) - shift;
            s0 += d0;
            s1 += d1;
            q0 += d0 * d0;
            q1 += d1 * d1;
        }
        if (j < hi)
        {
            var d = V(j) - shift;
            s0 += d;
            q0 += d * d;
        }
        return (shift, s0 + s1, q0 + q1);
    }

    /// <summary>Sample standard deviation (ddof 1) of the values clamped to [min, max].</summary>
    private double SampleStd(int lo, int hi, double min, double max)
    {
        var k = hi - lo;
        if (k < 2) return 0;
        double s = 0;
        for (var j = lo; j < hi; j++) s += Math.Clamp(V(j), min, max);
        var mean = s / k;
        double ss = 0;
        for (var j = lo; j < hi; j++)
        {
            var d = Math.Clamp(V(j), min, max) - mean;
            ss += d * d;
        }
        return Math.Sqrt(ss / (k - 1));
    }

    /// <summary>Value k of the stack being finished (the usable values, sorted when a sort was needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double V(int k) => _buf[_base + k * _stride];

    /// <summary>The frame that value k came from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int I(int k) => _ibuf[_base + k * _stride];

    private double SortedMedian(int lo, int hi)
    {
        var k = hi - lo;
        var mid = lo + k / 2;
        return (k & 1) == 1 ? V(mid) : (V(mid - 1) + V(mid)) / 2;
    }

    /// <summary>numpy's linear-interpolation percentile of the sorted range.</summary>
    private double SortedPercentile(int lo, int hi, double percent)
    {
        var h = (hi - lo - 1) * (percent / 100.0);
        var i = (int)Math.Floor(h);
        if (lo + i >= hi - 1) return V(hi - 1);
        return Selection.Lerp(V(lo + i), V(lo + i + 1), h - i);
    }

    private double Mad(int lo, int hi, double median)
    {
        var k = hi - lo;
        var dev = _work.AsSpan(0, k);
        for (var j = 0; j < k; j++) dev[j] = Math.Abs(V(lo + j) - median);
        return Selection.Median(dev);
    }
}
