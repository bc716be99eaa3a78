namespace Parallax.Fits.Compression;

/// <summary>
/// Turns a quantised tile's integers back into floats: v = (i − r + 0.5) × ZSCALE + ZZERO for the
/// subtractive dithers, where r walks the <see cref="DitherSequence"/> from the tile's start,
/// and v = i × ZSCALE + ZZERO without dither. ZBLANK becomes NaN; with SUBTRACTIVE_DITHER_2 the
/// reserved −2147483646 becomes exactly 0.0. The arithmetic is CFITSIO's (double, then rounded to
/// float), so results are bit-identical to it.
/// </summary>
internal static class TileDequantizer
{
    /// <summary>The integer SUBTRACTIVE_DITHER_2 stores for an exact zero.</summary>
    public const int ZeroValue = -2147483646;

    /// <summary>The integer CFITSIO stores for NaN (and writes as ZBLANK).</summary>
    public const int NullValue = -2147483647;

    /// <summary>Dequantises into single precision.</summary>
    public static void Dequantize(ReadOnlySpan<int> src, Span<float> dst, in TileQuantization tile) => DequantizeCore(src, dst, tile);

    /// <summary>Dequantises into double precision (BITPIX −64 images), with the same arithmetic kept in double.</summary>
    public static void Dequantize(ReadOnlySpan<int> src, Span<double> dst, in TileQuantization tile) => DequantizeCore(src, dst, tile);

    // One body for both precisions: the value is computed in double and converted once, so the
    // float results stay bit-identical to CFITSIO's.
    private static void DequantizeCore<T>(ReadOnlySpan<int> src, Span<T> dst, in TileQuantization tile)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        if (dst.Length < src.Length) throw new ArgumentException("destination shorter than source", nameof(dst));
        if (tile.Method == QuantizationMethod.None) throw new ArgumentException("a lossless float tile holds no quantised integers", nameof(tile));
        double scale = tile.Scale, zero = tile.Zero;
        var hasBlank = tile.Blank.HasValue;
        var blank = tile.Blank.GetValueOrDefault();
        if (!tile.Method.IsDithered())
        {
            for (var i = 0; i < src.Length; i++)
            {
                var q = src[i];
                dst[i] = hasBlank && q == blank ? T.NaN : T.CreateTruncating(q * scale + zero);
            }
            return;
        }

        var keepZeros = tile.Method == QuantizationMethod.SubtractiveDither2;
        var random = DitherSequence.Random;
        var seedIndex = DitherSequence.FirstSeedIndex(tile.TileRow, tile.DitherSeed);
        var next = DitherSequence.StartOffset(seedIndex);
        for (var i = 0; i < src.Length; i++)
        {
            var q = src[i];
            if (hasBlank && q == blank) dst[i] = T.NaN;
            else if (keepZeros && q == ZeroValue) dst[i] = T.Zero;
            else dst[i] = T.CreateTruncating((q - (double)random[next] + 0.5) * scale + zero);
            // the dither advances for every pixel, blank or not
            if (++next == DitherSequence.Length)
            {
                if (++seedIndex == DitherSequence.Length) seedIndex = 0;
                next = DitherSequence.StartOffset(seedIndex);
            }
        }
    }
}
