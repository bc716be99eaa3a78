using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Combine;

/// <summary>
/// Combines the stack of one pixel at a time, with scratch space for one stack, so that nothing
/// is allocated per pixel. One instance per worker thread.
/// <para>
/// The usable values are gathered (scaled, in double), sorted once when a median or a rejection
/// needs order, and every rejection then narrows a contiguous range [lo, hi) of the sorted
/// values: the median of the range is O(1) and each clipping iteration costs O(k). For the small
/// stacks of a combination (tens of frames) this beats repeated selection, which is what
/// <see cref="Selection"/> is for on big samples.
/// </para>
/// </summary>
internal sealed class PixelStack
{
    /// <summary>Φ(1) and Φ(−1) in percent: the central 68.27% interval spans ±1σ for Gaussian data.</summary>
    private const double UpperSigmaPercentile = 84.13447460685429;
    private const double LowerSigmaPercentile = 15.865525393145708;

    /// <summary>Below this stack size an insertion sort is faster than the library's introsort (no call and comparer overhead).</summary>
    private const int InsertionSortMax = 24;

    private readonly CombineParameters _p;
    private readonly int _frames;
    private readonly double[] _scale;
    private readonly double[] _scale2;
    private readonly double[] _offset;
    private readonly bool _propagate;
    private readonly bool _needSort;
    private readonly ushort _reject;
    private readonly double[] _values;
    private readonly int[] _index;
    private readonly double[] _work;

    public PixelStack(CombineParameters parameters, double[] scales, double[] offsets, bool propagateVariance)
    {
        _p = parameters;
        _frames = scales.Length;
        _scale = scales;
        _scale2 = [.. scales.Select(s => s * s)];
        _offset = offsets;
        _propagate = propagateVariance;
        _needSort = parameters.Method == CombineMethod.Median || parameters.Rejection != RejectionMethod.None;
        _reject = (ushort)parameters.RejectMask;
        _values = new double[_frames];
        _index = new int[_frames];
        _work = new double[_frames];
    }

    /// <summary>Values rejected by this worker so far.</summary>
    public long RejectedTotal { get; private set; }

    /// <summary>Combines <paramref name="count"/> consecutive pixels starting at <paramref name="bandOffset"/> in the band buffers and <paramref name="outputOffset"/> in the result.</summary>
    public void CombineRange(in StackBand band, int bandOffset, in StackOutput output, int outputOffset, int count)
    {
        for (var p = 0; p < count; p++) CombinePixel(band, bandOffset + p, output, outputOffset + p);
    }

    private void CombinePixel(in StackBand band, int at, in StackOutput output, int to)
    {
        var n = Gather(band, at);
        if (n == 0)
        {
            output.Data[to] = _p.BlankValue;
            output.Variance[to] = float.NaN;
            output.Mask[to] = (ushort)MaskBits.NoData;
            output.FramesUsed[to] = 0;
            output.Rejected[to] = 0;
            return;
        }
        if (_needSort) Sort(n);
        var (lo, hi) = Reject(n);
        var k = hi - lo;
        RejectedTotal += n - k;

        double value;
        double weightSum = 0;
        switch (_p.Method)
        {
            case CombineMethod.Median:
                value = SortedMedian(lo, hi);
                break;
            case CombineMethod.WeightedMean:
            {
                double num = 0;
                for (var j = lo; j < hi; j++)
                {
                    var i = _index[j];
                    var w = 1.0 / (band.Variance![i][at] * _scale2[i]);
                    num += w * _values[j];
                    weightSum += w;
                }
                value = num / weightSum;
                break;
            }
            default:
            {
                var sum = Sum(lo, hi);
                value = _p.Method == CombineMethod.Sum ? sum : sum / k;
                break;
            }
        }

        output.Data[to] = (float)value;
        output.Variance[to] = (float)Variance(band, at, lo, hi, weightSum);
        ushort bits = 0;
        if (band.Mask is { } masks)
            for (var j = lo; j < hi; j++) bits |= masks[_index[j]][at];
        output.Mask[to] = bits;
        output.FramesUsed[to] = (ushort)k;
        output.Rejected[to] = (ushort)(n - k);
    }

    /// <summary>Collects the usable values of the pixel (finite, unmasked, and for a weighted mean with a positive variance), scaled and offset.</summary>
    private int Gather(in StackBand band, int at)
    {
        var n = 0;
        var data = band.Data;
        var masks = band.Mask;
        var weighted = _p.Method == CombineMethod.WeightedMean;
        for (var i = 0; i < _frames; i++)
        {
            var x = data[i][at];
            if (!float.IsFinite(x)) continue;
            if (masks is not null && (masks[i][at] & _reject) != 0) continue;
            if (weighted)
            {
                // A weight 1/σ² needs 0 < σ² < ∞; a value without a usable variance cannot be weighted.
                var v = band.Variance![i][at];
                if (!(v > 0) || !float.IsFinite(v)) continue;
            }
            _values[n] = x * _scale[i] + _offset[i];
            _index[n] = i;
            n++;
        }
        return n;
    }

    private void Sort(int n)
    {
        if (n > InsertionSortMax)
        {
            _values.AsSpan(0, n).Sort(_index.AsSpan(0, n));
            return;
        }
        var v = _values;
        var idx = _index;
        for (var i = 1; i < n; i++)
        {
            var x = v[i];
            var xi = idx[i];
            var j = i - 1;
            while (j >= 0 && v[j] > x)
            {
                v[j + 1] = v[j];
                idx[j + 1] = idx[j];
                j--;
            }
            v[j + 1] = x;
            idx[j + 1] = xi;
        }
    }

    private (int Lo, int Hi) Reject(int n) => _p.Rejection switch
    {
        RejectionMethod.None => (0, n),
        RejectionMethod.SigmaClip => IterativeClip(n, percentileSpread: false),
        RejectionMethod.PercentileClip => IterativeClip(n, percentileSpread: true),
        RejectionMethod.MinMax => MinMax(n),
        _ => Winsorized(n),
    };

    /// <summary>Sigma clipping on the sorted values, as astropy's sigma_clip: keep centre − low·σ ≤ x ≤ centre + high·σ, repeat until stable.</summary>
    private (int, int) IterativeClip(int n, bool percentileSpread)
    {
        int lo = 0, hi = n;
        for (var iter = 0; iter < _p.MaxIterations && hi > lo; iter++)
        {
            double centre, spread;
            if (percentileSpread)
            {
                centre = SortedMedian(lo, hi);
                spread = (SortedPercentile(lo, hi, UpperSigmaPercentile) - SortedPercentile(lo, hi, LowerSigmaPercentile)) / 2;
            }
            else
            {
                var median = SortedMedian(lo, hi);
                centre = _p.ClipCentre == CentreFunction.Median ? median : Sum(lo, hi) / (hi - lo);
                spread = _p.ClipSpread == SpreadFunction.StandardDeviation
                    ? Math.Sqrt(SumSquaredDeviations(lo, hi, Sum(lo, hi) / (hi - lo)) / (hi - lo))
                    : RobustStatistics.MadToSigma * Mad(lo, hi, median);
            }
            var (nlo, nhi) = Narrow(lo, hi, centre - _p.SigmaLow * spread, centre + _p.SigmaHigh * spread);
            if (nlo == lo && nhi == hi) break;
            lo = nlo;
            hi = nhi;
        }
        return (lo, hi);
    }

    /// <summary>Winsorized sigma clipping as Siril does it (see <see cref="RejectionMethod.WinsorizedSigmaClip"/>).</summary>
    private (int, int) Winsorized(int n)
    {
        int lo = 0, hi = n;
        for (var iter = 0; iter < _p.MaxIterations && hi - lo > 3; iter++)
        {
            var median = SortedMedian(lo, hi);
            var sigma = SampleStd(lo, hi, double.NegativeInfinity, double.PositiveInfinity);
            for (var inner = 0; inner < 50; inner++)
            {
                var previous = sigma;
                sigma = 1.134 * SampleStd(lo, hi, median - 1.5 * sigma, median + 1.5 * sigma);
                if (Math.Abs(sigma - previous) <= previous * 0.0005) break;
            }
            var (nlo, nhi) = Narrow(lo, hi, median - _p.SigmaLow * sigma, median + _p.SigmaHigh * sigma);
            if (nlo == lo && nhi == hi) break;
            lo = nlo;
            hi = nhi;
        }
        return (lo, hi);
    }

    private (int, int) MinMax(int n)
    {
        int nl = _p.RejectLow, nh = _p.RejectHigh;
        if (n < _frames)
        {
            // Fewer usable values than frames: reject the same fraction (IRAF's rule).
            nl = (int)Math.Floor(nl * (double)n / _frames + 0.001);
            nh = (int)Math.Floor(nh * (double)n / _frames + 0.001);
        }
        while (nl + nh >= n && nl + nh > 0)
        {
            if (nh >= nl) nh--;
            else nl--;
        }
        return (nl, n - nh);
    }

    /// <summary>Drops sorted values below <paramref name="lower"/> from the bottom and above <paramref name="upper"/> from the top.</summary>
    private (int, int) Narrow(int lo, int hi, double lower, double upper)
    {
        while (lo < hi && _values[lo] < lower) lo++;
        while (hi > lo && _values[hi - 1] > upper) hi--;
        return (lo, hi);
    }

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
                var i = _index[j];
                sv += variance[i][at] * _scale2[i];
            }
            return _p.Method == CombineMethod.Sum ? sv : medianFactor * sv / ((double)k * k);
        }
        if (k < 2) return double.NaN;
        var mean = Sum(lo, hi) / k;
        var s2 = SumSquaredDeviations(lo, hi, mean) / (k - 1);
        return _p.Method == CombineMethod.Sum ? k * s2 : medianFactor * s2 / k;
    }

    private double Sum(int lo, int hi)
    {
        double s = 0;
        for (var j = lo; j < hi; j++) s += _values[j];
        return s;
    }

    private double SumSquaredDeviations(int lo, int hi, double mean)
    {
        double s = 0;
        for (var j = lo; j < hi; j++)
        {
            var d = _values[j] - mean;
            s += d * d;
        }
        return s;
    }

    /// <summary>Sample standard deviation (ddof 1) of the values clamped to [min, max].</summary>
    private double SampleStd(int lo, int hi, double min, double max)
    {
        var k = hi - lo;
        if (k < 2) return 0;
        double s = 0;
        for (var j = lo; j < hi; j++) s += Math.Clamp(_values[j], min, max);
        var mean = s / k;
        double ss = 0;
        for (var j = lo; j < hi; j++)
        {
            var d = Math.Clamp(_values[j], min, max) - mean;
            ss += d * d;
        }
        return Math.Sqrt(ss / (k - 1));
    }

    private double SortedMedian(int lo, int hi)
    {
        var k = hi - lo;
        var mid = lo + k / 2;
        return (k & 1) == 1 ? _values[mid] : (_values[mid - 1] + _values[mid]) / 2;
    }

    /// <summary>numpy's linear-interpolation percentile of the sorted range.</summary>
    private double SortedPercentile(int lo, int hi, double percent)
    {
        var h = (hi - lo - 1) * (percent / 100.0);
        var i = (int)Math.Floor(h);
        if (lo + i >= hi - 1) return _values[hi - 1];
        return Selection.Lerp(_values[lo + i], _values[lo + i + 1], h - i);
    }

    private double Mad(int lo, int hi, double median)
    {
        var k = hi - lo;
        var dev = _work.AsSpan(0, k);
        for (var j = 0; j < k; j++) dev[j] = Math.Abs(_values[lo + j] - median);
        return Selection.Median(dev);
    }
}
