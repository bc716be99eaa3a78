using System.Numerics;

namespace Parallax.Fits.Images;

/// <summary>
/// Turns stored integers already in host order (a decoded tile) into physical values:
/// stored × BSCALE + BZERO, with the blank value giving NaN. The plain, unsigned 16-bit and
/// unsigned 32-bit cases without a blank are vectorised; the rest is computed in double and
/// rounded once, as <see cref="PixelDecoder"/> does for data units.
/// </summary>
internal static class IntegerPixels
{
    /// <summary>Converts to float32.</summary>
    public static void ToFloat32(ReadOnlySpan<int> src, in PixelScaling s, int? blank, Span<float> dst)
    {
        var n = src.Length;
        var i = 0;
        var w = Vector<int>.Count;
        if (blank is null && s.IsIdentity)
        {
            for (; i <= n - w; i += w) Vector.ConvertToSingle(new Vector<int>(src[i..])).CopyTo(dst[i..]);
            for (; i < n; i++) dst[i] = src[i];
            return;
        }
        if (blank is null && s.IsUnsigned16)
        {
            // stored + 32768 is the unsigned value, exact in both int and float
            var offset = new Vector<int>(32768);
            for (; i <= n - w; i += w) Vector.ConvertToSingle(new Vector<int>(src[i..]) + offset).CopyTo(dst[i..]);
            for (; i < n; i++) dst[i] = src[i] + 32768;
            return;
        }
        if (blank is null && s.IsUnsigned32)
        {
            for (; i < n; i++) dst[i] = (uint)src[i] ^ 0x8000_0000u;
            return;
        }
        var hasBlank = blank.HasValue;
        var b = blank.GetValueOrDefault();
        double scale = s.BScale, zero = s.BZero;
        for (; i < n; i++) dst[i] = hasBlank && src[i] == b ? float.NaN : (float)(src[i] * scale + zero);
    }

    /// <summary>Converts to float64 (exact for every 32-bit integer when BSCALE = 1 and BZERO is an integer).</summary>
    public static void ToFloat64(ReadOnlySpan<int> src, in PixelScaling s, int? blank, Span<double> dst)
    {
        var hasBlank = blank.HasValue;
        var b = blank.GetValueOrDefault();
        double scale = s.BScale, zero = s.BZero;
        if (!hasBlank && s.IsIdentity)
        {
            for (var i = 0; i < src.Length; i++) dst[i] = src[i];
            return;
        }
        for (var i = 0; i < src.Length; i++) dst[i] = hasBlank && src[i] == b ? double.NaN : src[i] * scale + zero;
    }

    /// <summary>Applies BSCALE/BZERO to decoded float pixels in place (float images with a scaling, which are rare).</summary>
    public static void Scale(Span<float> values, in PixelScaling s)
    {
        if (s.IsIdentity) return;
        for (var i = 0; i < values.Length; i++) values[i] = (float)(values[i] * s.BScale + s.BZero);
    }

    /// <inheritdoc cref="Scale(Span{float}, in PixelScaling)"/>
    public static void Scale(Span<double> values, in PixelScaling s)
    {
        if (s.IsIdentity) return;
        for (var i = 0; i < values.Length; i++) values[i] = values[i] * s.BScale + s.BZero;
    }
}
