using System.Runtime.CompilerServices;

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
