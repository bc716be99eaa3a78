using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Combine;

/// <summary>
/// Combines the stack of one pixel at a time, with scratch space for one stack, so that nothing
/// is allocated per pixel. One instance per worker thread.
/// <para>
/// The usable values are gathered (scaled and offset in float32, as x·s + z), sorted once (always
/// when the stack fits a sorting network, otherwise when a median or a rejection needs order),
/// and every rejection then narrows a contiguous range
/// [lo, hi) of the sorted values: the median of the range is O(1) and each clipping iteration
/// costs O(k). For the small stacks of a combination (tens of frames) this beats repeated
/// selection, which is what <see cref="Selection"/> is for on big samples. Statistics of the
/// sorted values are computed in double.
/// </para>
/// <para>
/// When sorting is needed and the stack has at most <see cref="SortingNetwork.MaxSize"/> frames,
/// pixels are taken <c>Vector&lt;float&gt;.Count</c> at a time: one vector load per frame gathers
/// them (frames are separate arrays, so a pixel block of one frame is contiguous), unusable
/// values become +∞, and a sorting network sorts all lanes at once without branches. The
/// remaining pixels of a row go through the scalar path, which gathers and rounds exactly as the
/// vector path does, so a pixel's result does not depend on which path took it (only the order
/// of equal values may differ, which can change which of two equal values' variances is summed
/// when min/max rejection cuts between them).
/// </para>
/// </summary>
internal sealed partial class PixelStack
{
    /// <summary>Φ(1) and Φ(−1) in percent: the central 68.27% interval spans ±1σ for Gaussian data.</summary>
    private const double UpperSigmaPercentile = 84.13447460685429;
    private const double LowerSigmaPercentile = 15.865525393145708;

    /// <summary>Below this stack size an insertion sort is faster than the library's introsort (no call and comparer overhead).</summary>
    private const int InsertionSortMax = 24;

    private readonly CombineParameters _p;
    private readonly int _frames;
    private readonly double[] _scale2;
    private readonly bool _propagate;
    private readonly bool _needSort;
    private readonly ushort _reject;
    private readonly float[] _scaleF;
    private readonly float[] _offsetF;
    private readonly bool _scaled;
    private readonly bool _weighted;
    private readonly float[] _scalarValues;
    private readonly int[] _scalarIndex;

    // The stack being finished: value k is _buf[_base + k·_stride], its frame _ibuf[_base + k·_stride].
    // The scalar path points these at its own arrays (stride 1), the vector path at a lane of the sorted tile,
    // so the lane's values are never copied out.
    private float[] _buf;
    private int[] _ibuf;
    private int _base;
    private int _stride = 1;
    private readonly double[] _work;

    // Vector path: one vector of pixel values (and frame indices) per frame, the network, and the sorted tile.
    private readonly bool _useNetwork;
    private readonly int[] _netLow = [];
    private readonly int[] _netHigh = [];
    private readonly Vector<float>[] _tile = [];
    private readonly Vector<int>[] _tileIndex = [];
    private readonly float[] _sorted = [];
    private readonly int[] _sortedIndex = [];
    private readonly int[] _laneCount = new int[Vector<int>.Count];

    public PixelStack(CombineParameters parameters, double[] scales, double[] offsets, bool propagateVariance)
    {
        _p = parameters;
        _frames = scales.Length;
        _scale2 = [.. scales.Select(s => s * s)];
        _propagate = propagateVariance;
        // Stacks that fit a sorting network are always sorted, even for a plain mean: the vector path then
        // handles every method, and the scalar path sorts too, so that both sum in the same order and a
        // pixel's result does not depend on the path, the vector width or the hardware.
        _needSort = parameters.Method == CombineMethod.Median || parameters.Rejection != RejectionMethod.None || _frames <= SortingNetwork.MaxSize;
        _reject = (ushort)parameters.RejectMask;
        _scaleF = [.. scales.Select(x => (float)x)];
        _offsetF = [.. offsets.Select(x => (float)x)];
        _scaled = scales.Any(x => x != 1) || offsets.Any(x => x != 0);
        _weighted = parameters.Method == CombineMethod.WeightedMean;
        _scalarValues = new float[_frames];
        _scalarIndex = new int[_frames];
        _buf = _scalarValues;
        _ibuf = _scalarIndex;
        _work = new double[_frames];
        _useNetwork = _needSort && _frames <= SortingNetwork.MaxSize && Vector.IsHardwareAccelerated;
        if (_useNetwork)
        {
            (_netLow, _netHigh) = SortingNetwork.For(_frames);
            _tile = new Vector<float>[_frames];
            _tileIndex = new Vector<int>[_frames];
            _sorted = new float[_frames * Vector<float>.Count];
            _sortedIndex = new int[_frames * Vector<float>.Count];
        }
    }

    /// <summary>Values rejected by this worker so far.</summary>
    public long RejectedTotal { get; private set; }

    /// <summary>Combines <paramref name="count"/> consecutive pixels starting at <paramref name="bandOffset"/> in the band buffers and <paramref name="outputOffset"/> in the result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CombineRange(in StackBand band, int bandOffset, in StackOutput output, int outputOffset, int count)
    {
        var p = 0;
        if (_useNetwork)
        {
            var lanes = Vector<float>.Count;
            for (; p + lanes <= count; p += lanes) CombineBlock(band, bandOffset + p, output, outputOffset + p);
        }
        for (; p < count; p++) CombinePixel(band, bandOffset + p, output, outputOffset + p);
    }

    /// <summary>The scalar path: gather, sort when needed, finish.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CombinePixel(in StackBand band, int at, in StackOutput output, int to)
    {
        _buf = _scalarValues;
        _ibuf = _scalarIndex;
        _base = 0;
        _stride = 1;
        var n = Gather(band, at);
        if (_needSort) Sort(n);
        Finish(band, at, output, to, n);
    }

    /// <summary>The vector path for Vector&lt;float&gt;.Count consecutive pixels: gather by vector loads, sort by network, finish each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CombineBlock(in StackBand band, int at, in StackOutput output, int to)
    {
        var lanes = Vector<float>.Count;
        var infinity = new Vector<float>(float.PositiveInfinity);
        var count = Vector<int>.Zero;
        var masks = band.Mask;
        var needIndex = _propagate || _weighted || masks is not null;
        Span<int> bad = stackalloc int[Vector<int>.Count];
        for (var i = 0; i < _frames; i++)
        {
            var v = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(band.Data[i]), (nuint)at);
            if (_scaled) v = v * new Vector<float>(_scaleF[i]) + new Vector<float>(_offsetF[i]);
            // x − x is 0 exactly when x is finite: NaN and ±∞ fail it.
            var usable = Vector.Equals(v - v, Vector<float>.Zero);
            if (masks is not null)
            {
                var m = masks[i];
                for (var j = 0; j < lanes; j++) bad[j] = (m[at + j] & _reject) != 0 ? -1 : 0;
                usable = Vector.AndNot(usable, new Vector<int>(bad));
            }
            if (_weighted)
            {
                var w = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(band.Variance![i]), (nuint)at);
                usable &= Vector.GreaterThan(w, Vector<float>.Zero) & Vector.LessThan(w, infinity);
            }
            _tile[i] = Vector.ConditionalSelect(usable, v, infinity);
            if (needIndex) _tileIndex[i] = new Vector<int>(i);
            count -= usable;
        }
        if (_frames > 1) SortTile(needIndex);
        for (var k = 0; k < _frames; k++)
        {
            _tile[k].CopyTo(_sorted, k * lanes);
            if (needIndex) _tileIndex[k].CopyTo(_sortedIndex, k * lanes);
        }
        count.CopyTo(_laneCount);
        _buf = _sorted;
        _ibuf = _sortedIndex;
        _stride = lanes;
        for (var j = 0; j < lanes; j++)
        {
            _base = j;
            Finish(band, at + j, output, to + j, _laneCount[j]);
        }
    }

    /// <summary>Runs the network over the tile; moves the frame indices along only when variances or masks will be looked up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortTile(bool needIndex)
    {
        var tile = _tile;
        var low = _netLow;
        var high = _netHigh;
        if (!needIndex)
        {
            for (var c = 0; c < low.Length; c++)
            {
                int a = low[c], b = high[c];
                var x = tile[a];
                var y = tile[b];
                tile[a] = Vector.Min(x, y);
                tile[b] = Vector.Max(x, y);
            }
            return;
        }
        var index = _tileIndex;
        for (var c = 0; c < low.Length; c++)
        {
            int a = low[c], b = high[c];
            var x = tile[a];
            var y = tile[b];
            var swap = Vector.LessThan(y, x);
            tile[a] = Vector.ConditionalSelect(swap, y, x);
            tile[b] = Vector.ConditionalSelect(swap, x, y);
            var ix = index[a];
            var iy = index[b];
            index[a] = Vector.ConditionalSelect(swap, iy, ix);
            index[b] = Vector.ConditionalSelect(swap, ix, iy);
        }
    }

    /// <summary>Everything after the values are gathered (and sorted when needed): rejection, combination, variance, mask, counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Finish(in StackBand band, int at, in StackOutput output, int to, int n)
    {
        if (n == 0)
        {
            output.Data[to] = _p.BlankValue;
            output.Variance[to] = float.NaN;
            output.Mask[to] = (ushort)MaskBits.NoData;
            output.FramesUsed[to] = 0;
            output.Rejected[to] = 0;
            return;
        }
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
                    var i = I(j);
                    var w = 1.0 / (band.Variance![i][at] * _scale2[i]);
                    num += w * V(j);
                    weightSum += w;
                }
                value = num / weightSum;
                break;
            }
            default:
            {
                var (shift, sumD, _) = Moments(lo, hi);
                value = _p.Method == CombineMethod.Sum ? k * shift + sumD : shift + sumD / k;
                break;
            }
        }

        output.Data[to] = (float)value;
        output.Variance[to] = (float)Variance(band, at, lo, hi, weightSum);
        ushort bits = 0;
        if (band.Mask is { } masks)
            for (var j = lo; j < hi; j++) bits |= masks[I(j)][at];
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
        for (var i = 0; i < _frames; i++)
        {
            var x = data[i][at];
            // Scaled in float exactly as the vector path does (x·s rounded, then + z rounded), so both paths agree.
            if (_scaled) x = x * _scaleF[i] + _offsetF[i];
            if (!float.IsFinite(x)) continue;
            if (masks is not null && (masks[i][at] & _reject) != 0) continue;
            if (_weighted)
            {
                // A weight 1/σ² needs 0 < σ² < ∞; a value without a usable variance cannot be weighted.
                var v = band.Variance![i][at];
                if (!(v > 0) || !float.IsFinite(v)) continue;
            }
            _scalarValues[n] = x;
            _scalarIndex[n] = i;
            n++;
        }
        return n;
    }

    private void Sort(int n)
    {
        if (n > InsertionSortMax)
        {
            _scalarValues.AsSpan(0, n).Sort(_scalarIndex.AsSpan(0, n));
            return;
        }
        var v = _scalarValues;
        var idx = _scalarIndex;
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
}
