using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parallax.Imaging.Resampling;

/// <summary>
/// The inner loop of interpolation: weights a kernel support of an image's data, variance and mask. A struct over
/// the image's arrays so the resampler's per-pixel call allocates nothing; the caller passes weight scratch spans.
/// </summary>
internal readonly struct KernelSampler
{
    private readonly float[] _data;
    private readonly float[] _variance;
    private readonly ushort[] _mask;
    private readonly int _width;
    private readonly int _height;
    private readonly InterpolationKernel _kernel;
    private readonly int _taps;
    private readonly ushort _reject;
    private readonly bool _renormalise;
    private readonly double _minimumCoverage;
    private readonly bool _plain;

    public KernelSampler(MaskedImage image, InterpolationKernel kernel, BadPixelPolicy policy, MaskBits rejectMask, double minimumCoverage)
    {
        _data = image.Data;
        _variance = image.Variance;
        _mask = image.Mask;
        _width = image.Width;
        _height = image.Height;
        _kernel = kernel;
        _taps = InterpolationKernels.Taps(kernel);
        _reject = (ushort)rejectMask;
        _renormalise = policy == BadPixelPolicy.Renormalise;
        _minimumCoverage = minimumCoverage;
        // Raw frames have no variance and no mask: the inner loop then weights the data alone.
        _plain = !image.Variance.AsSpan().ContainsAnyExcept(0f) && !image.Mask.AsSpan().ContainsAnyExcept((ushort)0);
    }

    public static InterpolatedSample Dropped(ushort bits) => new(float.NaN, float.NaN, (ushort)(bits | (ushort)MaskBits.NoData), 0f);

    /// <summary>Samples at zero-based (x, y); <paramref name="wx"/> and <paramref name="wy"/> are scratch of at least <see cref="InterpolationKernels.MaxTaps"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InterpolatedSample Sample(double x, double y, Span<double> wx, Span<double> wy)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return Dropped(0);
        // Far outside (also guards the int conversion in the weights).
        if (x < -_taps || y < -_taps || x > _width + _taps || y > _height + _taps) return Dropped(0);
        var n = _taps;
        var ix0 = InterpolationKernels.Weights(_kernel, x, wx);
        var iy0 = InterpolationKernels.Weights(_kernel, y, wy);
        if (ix0 >= 0 && iy0 >= 0 && ix0 + n <= _width && iy0 + n <= _height && TryInside(ix0, iy0, wx, wy, out var inside)) return inside;
        return General(ix0, iy0, wx, wy);
    }

    /// <summary>
    /// The common case: the whole support inside the image. No bounds or per-tap checks: the masks are ORed and the
    /// sum tested once at the end; when a rejected bit or a non-finite value turns up, the general path redoes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInside(int ix0, int iy0, Span<double> wx, Span<double> wy, out InterpolatedSample sample)
    {
        var n = _taps;
        ref var data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref var variance = ref MemoryMarshal.GetArrayDataReference(_variance);
        ref var mask = ref MemoryMarshal.GetArrayDataReference(_mask);
        ref var wx0 = ref MemoryMarshal.GetReference(wx);
        double sum = 0, sumVar = 0;
        var bits = 0;
        if (_plain)
        {
            for (var j = 0; j < n; j++)
            {
                var wyj = wy[j];
                if (wyj == 0.0) continue;
                ref var d = ref Unsafe.Add(ref data, (iy0 + j) * _width + ix0);
                double rs = 0;
                for (var i = 0; i < n; i++) rs += Unsafe.Add(ref wx0, i) * Unsafe.Add(ref d, i);
                sum += wyj * rs;
            }
            if (!double.IsFinite(sum))
            {
                sample = default;
                return false;
            }
            sample = new InterpolatedSample((float)sum, 0f, 0, 1f);
            return true;
        }
        for (var j = 0; j < n; j++)
        {
            var wyj = wy[j];
            if (wyj == 0.0) continue; // on a row centre only one row counts
            var row = (iy0 + j) * _width + ix0;
            double rs = 0, rv = 0;
            for (var i = 0; i < n; i++)
            {
                var w = Unsafe.Add(ref wx0, i);
                rs += w * Unsafe.Add(ref data, row + i);
                rv += w * w * Unsafe.Add(ref variance, row + i);
                // Only pixels with weight belong to the support (so an exact shift carries exactly its pixel's bits).
                bits |= w != 0.0 ? Unsafe.Add(ref mask, row + i) : 0;
            }
            sum += wyj * rs;
            sumVar += wyj * wyj * rv;
        }
        if ((bits & _reject) != 0 || !double.IsFinite(sum))
        {
            sample = default;
            return false;
        }
        sample = new InterpolatedSample((float)sum, (float)sumVar, (ushort)bits, 1f);
        return true;
    }

    /// <summary>Any support: pixels beyond the edge, rejected or non-finite are left out and the policy decides.</summary>
    private InterpolatedSample General(int ix0, int iy0, Span<double> wx, Span<double> wy)
    {
        var n = _taps;
        double sum = 0, sumVar = 0, used = 0;
        ushort goodBits = 0, badBits = 0;
        bool bad = false, edge = false;
        var data = _data;
        var variance = _variance;
        var mask = _mask;
        var reject = _reject;
        for (var j = 0; j < n; j++)
        {
            var wyj = wy[j];
            if (wyj == 0.0) continue;
            var yy = iy0 + j;
            if ((uint)yy >= (uint)_height) { edge = true; continue; }
            var row = yy * _width;
            double rs = 0, rv = 0, ru = 0;
            for (var i = 0; i < n; i++)
            {
                var wxi = wx[i];
                if (wxi == 0.0) continue;
                var xx = ix0 + i;
                if ((uint)xx >= (uint)_width) { edge = true; continue; }
                var idx = row + xx;
                var m = mask[idx];
                var v = data[idx];
                if ((m & reject) != 0 || !float.IsFinite(v))
                {
                    bad = true;
                    badBits |= m;
                    continue;
                }
                goodBits |= m;
                rs += wxi * v;
                rv += wxi * wxi * variance[idx];
                ru += wxi;
            }
            sum += wyj * rs;
            sumVar += wyj * wyj * rv;
            used += wyj * ru;
        }
        if (!bad && !edge) return new InterpolatedSample((float)sum, (float)sumVar, goodBits, 1f);
        if (!_renormalise || used < _minimumCoverage || used <= 0.0) return Dropped((ushort)(badBits | goodBits));
        var inv = 1.0 / used;
        var bits = goodBits;
        if (bad) bits |= (ushort)MaskBits.Interpolated;
        if (edge) bits |= (ushort)MaskBits.Edge;
        return new InterpolatedSample((float)(sum * inv), (float)(sumVar * inv * inv), bits, (float)Math.Min(1.0, used));
    }
}
