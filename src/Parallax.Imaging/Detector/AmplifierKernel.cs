using System.Numerics.Tensors;

namespace Parallax.Imaging.Detector;

/// <summary>
/// The per-pixel pass of <see cref="DetectorCorrector"/> for one amplifier: raw region → output placement,
/// row-parallel for big regions. Each output row is written by exactly one raw row, so rows are independent.
/// </summary>
internal readonly struct AmplifierKernel
{
    private const int InlineBelowPixels = 1 << 18;
    private readonly MaskedImage _raw;
    private readonly ImageSection _region;
    private readonly ImageSection _placement;
    private readonly bool _flipX, _flipY;
    private readonly OverscanProfile? _profile;
    private readonly float[]? _columnLevels;
    private readonly float _gain, _scale, _readVariance, _poissonScale, _saturation;
    private readonly bool _flagSaturation;
    private readonly NonlinearityCorrection? _nonlinearity;
    private readonly float[] _data, _variance;
    private readonly ushort[] _mask;
    private readonly int _outWidth;

    public AmplifierKernel(MaskedImage raw, ImageSection region, ImageSection placement, bool flipX, bool flipY, OverscanProfile? profile,
        AmplifierGeometry geometry, DetectorCorrectionOptions options, float[] data, float[] variance, ushort[] mask, int outWidth)
    {
        _raw = raw;
        _region = region;
        _placement = placement;
        _flipX = flipX;
        _flipY = flipY;
        _profile = profile;
        if (profile is { Axis: OverscanAxis.PerColumn })
        {
            _columnLevels = new float[region.Width];
            for (var c = 0; c < region.Width; c++) _columnLevels[c] = (float)profile.LevelAt(region.XStart + c);
        }
        // Output = a·scale (a: corrected ADU); variance in electrons² is rn² + max(a·gain, 0), converted to the output unit by (scale/gain)².
        _gain = (float)geometry.Gain;
        _scale = options.ToElectrons ? _gain : 1f;
        var toOut = _scale / _gain;
        _readVariance = (float)(geometry.ReadNoise * geometry.ReadNoise * toOut * toOut);
        _poissonScale = _gain * toOut * toOut;
        _flagSaturation = options.FlagSaturation && geometry.SaturationAdu is not null;
        _saturation = (float)(geometry.SaturationAdu ?? double.PositiveInfinity);
        _nonlinearity = options.Nonlinearity;
        _data = data;
        _variance = variance;
        _mask = mask;
        _outWidth = outWidth;
    }

    /// <summary>Processes every row; returns the saturated and nonlinear pixel counts.</summary>
    public (int Saturated, int Nonlinear) Run()
    {
        var rows = _region.Height;
        int saturated = 0, nonlinear = 0;
        if ((long)rows * _region.Width < InlineBelowPixels || Environment.ProcessorCount == 1)
        {
            var scratch = new float[_region.Width];
            for (var r = 0; r < rows; r++)
            {
                var (s, n) = Row(r, scratch);
                saturated += s;
                nonlinear += n;
            }
            return (saturated, nonlinear);
        }
        var self = this;
        var bandRows = Math.Max(1, (1 << 16) / _region.Width);
        var bands = (rows + bandRows - 1) / bandRows;
        Parallel.For(0, bands, () => (new float[self._region.Width], 0, 0), (b, _, state) =>
        {
            var (scratch, s, n) = state;
            for (var r = b * bandRows; r < Math.Min(rows, (b + 1) * bandRows); r++)
            {
                var (rs, rn) = self.Row(r, scratch);
                s += rs;
                n += rn;
            }
            return (scratch, s, n);
        }, state =>
        {
            Interlocked.Add(ref saturated, state.Item2);
            Interlocked.Add(ref nonlinear, state.Item3);
        });
        return (saturated, nonlinear);
    }

    private (int Saturated, int Nonlinear) Row(int r, float[] scratch)
    {
        var width = _region.Width;
        var rawY = _region.YStart + r;
        var outY = _placement.YStart + (_flipY ? _region.Height - 1 - r : r);
        var src = _raw.DataRow(rawY).Slice(_region.XStart, width);
        var srcMask = _raw.MaskRow(rawY).Slice(_region.XStart, width);
        var outStart = outY * _outWidth + _placement.XStart;
        var outData = _data.AsSpan(outStart, width);
        var outVar = _variance.AsSpan(outStart, width);
        var outMask = _mask.AsSpan(outStart, width);

        // a = raw − level, vectorised; the flags and the linearity need a scalar pass only when asked for.
        var a = scratch.AsSpan(0, width);
        if (_profile is null) src.CopyTo(a);
        else if (_columnLevels is not null) TensorPrimitives.Subtract(src, _columnLevels, a);
        else TensorPrimitives.Subtract(src, (float)_profile.LevelAt(rawY), a);

        int saturated = 0, nonlinear = 0;
        if (_flipX)
        {
            for (var c = 0; c < width; c++) outMask[width - 1 - c] = srcMask[c];
        }
        else srcMask.CopyTo(outMask);
        // A vectorised maximum rules out saturation for most rows, so the scalar flag pass runs only where needed.
        var checkSaturation = _flagSaturation && !(TensorPrimitives.Max(src) < _saturation); // NaN (a NaN in the row) checks too
        if (checkSaturation || _nonlinearity is not null)
        {
            var limit = _nonlinearity?.FlagAboveAdu ?? double.PositiveInfinity;
            for (var c = 0; c < width; c++)
            {
                var o = _flipX ? width - 1 - c : c;
                if (checkSaturation && src[c] >= _saturation)
                {
                    outMask[o] |= (ushort)MaskBits.Saturated;
                    saturated++;
                }
                if (_nonlinearity is { } nl)
                {
                    if (a[c] > limit)
                    {
                        outMask[o] |= (ushort)MaskBits.Nonlinear;
                        nonlinear++;
                    }
                    a[c] = (float)nl.Apply(a[c]);
                }
            }
        }
        if (_flipX) a.Reverse();
        TensorPrimitives.Multiply(a, _scale, outData);
        // variance = readVariance + poissonScale·max(a, 0); NaN stays NaN through Max.
        TensorPrimitives.Max(a, 0f, outVar);
        TensorPrimitives.Multiply(outVar, _poissonScale, outVar);
        TensorPrimitives.Add(outVar, _readVariance, outVar);
        // A finite row sum means every value is finite (NaN and ±∞ propagate), so the scalar scan is rare.
        if (!float.IsFinite(TensorPrimitives.Sum<float>(outData)))
        {
            for (var c = 0; c < width; c++)
                if (!float.IsFinite(outData[c])) outMask[c] |= (ushort)MaskBits.BadPixel;
        }
        return (saturated, nonlinear);
    }
}
