namespace Parallax.Fits.Compression;

/// <summary>
/// Quantises a float tile to integers for writing, with a step (ZSCALE) the caller chose, the
/// way CFITSIO's fits_quantize_float does once it has its step: the zero point is the minimum
/// rounded to a whole number of steps (or, with NaNs or SUBTRACTIVE_DITHER_2, shifted next to the
/// reserved values so the range stays clear of them); NaN becomes <see cref="TileDequantizer.NullValue"/>,
/// and with SUBTRACTIVE_DITHER_2 an exact zero becomes <see cref="TileDequantizer.ZeroValue"/>.
/// </summary>
/// <remarks>
/// Choosing the step from the background noise (fpack's q level) is not done here: lossless
/// GZIP_2 is what float images are written with; this exists so a caller that wants lossy
/// floats can have them in a form every reader restores.
/// </remarks>
internal static class TileQuantizer
{
    private const int ReservedValues = 10;

    /// <summary>
    /// Quantises <paramref name="src"/> into <paramref name="dst"/> with step <paramref name="delta"/>.
    /// Returns the tile's ZSCALE and ZZERO, or null when the range does not fit in 32-bit integers
    /// at that step (the tile must then be stored losslessly).
    /// </summary>
    public static (double Scale, double Zero)? Quantize(ReadOnlySpan<float> src, Span<int> dst, double delta, QuantizationMethod method, long tileRow, int ditherSeed)
    {
        if (dst.Length < src.Length) throw new ArgumentException("destination shorter than source", nameof(dst));
        if (!(delta > 0) || double.IsInfinity(delta)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "the step must be positive");
        if (method == QuantizationMethod.None) throw new ArgumentException("NONE is not a quantisation method", nameof(method));

        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        var good = 0;
        foreach (var v in src)
        {
            if (float.IsNaN(v)) continue;
            good++;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (good == 0)
        {
            // a tile of NaNs only: the values are never used
            min = 0;
            max = 1;
        }
        if ((max - (double)min) / delta > 2.0 * int.MaxValue - ReservedValues) return null;

        double zero;
        if (good < src.Length || method == QuantizationMethod.SubtractiveDither2)
            zero = min - delta * ((double)TileDequantizer.NullValue + ReservedValues);
        else if ((max - (double)min) / delta < int.MaxValue - ReservedValues)
            zero = (long)(min / delta + 0.5) * delta;   // whole steps, so repeated fpack/funpack cycles scale alike
        else
            zero = (min + (double)max) / 2;

        if (!method.IsDithered())
        {
            for (var i = 0; i < src.Length; i++)
                dst[i] = float.IsNaN(src[i]) ? TileDequantizer.NullValue : NearestInt((src[i] - zero) / delta);
            return (delta, zero);
        }

        var keepZeros = method == QuantizationMethod.SubtractiveDither2;
        var random = DitherSequence.Random;
        var seedIndex = DitherSequence.FirstSeedIndex(tileRow, ditherSeed);
        var next = DitherSequence.StartOffset(seedIndex);
        for (var i = 0; i < src.Length; i++)
        {
            var v = src[i];
            if (float.IsNaN(v)) dst[i] = TileDequantizer.NullValue;
            else if (keepZeros && v == 0.0f) dst[i] = TileDequantizer.ZeroValue;
            else dst[i] = NearestInt((v - zero) / delta + random[next] - 0.5);
            if (++next == DitherSequence.Length)
            {
                if (++seedIndex == DitherSequence.Length) seedIndex = 0;
                next = DitherSequence.StartOffset(seedIndex);
            }
        }
        return (delta, zero);
    }

    /// <summary>C's NINT: round half away from zero, then truncate to int.</summary>
    private static int NearestInt(double x) => x >= 0 ? (int)(x + 0.5) : (int)(x - 0.5);
}
