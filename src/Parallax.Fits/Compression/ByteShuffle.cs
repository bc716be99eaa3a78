namespace Parallax.Fits.Compression;

/// <summary>
/// The byte shuffle of GZIP_2: the tile's values are regrouped so that byte 0 (the most
/// significant, since tile bytes are big-endian) of every value comes first, then byte 1 of
/// every value, and so on. Slowly varying high bytes then sit together and compress well.
/// </summary>
internal static class ByteShuffle
{
    /// <summary>Shuffles <paramref name="src"/> (values of <paramref name="elementSize"/> bytes) into <paramref name="dst"/>.</summary>
    public static void Shuffle(ReadOnlySpan<byte> src, Span<byte> dst, int elementSize)
    {
        var count = Check(src, dst, elementSize);
        for (var b = 0; b < elementSize; b++)
        {
            var plane = dst.Slice(b * count, count);
            for (var i = 0; i < count; i++) plane[i] = src[i * elementSize + b];
        }
    }

    /// <summary>Undoes <see cref="Shuffle"/>.</summary>
    public static void Unshuffle(ReadOnlySpan<byte> src, Span<byte> dst, int elementSize)
    {
        var count = Check(src, dst, elementSize);
        for (var b = 0; b < elementSize; b++)
        {
            var plane = src.Slice(b * count, count);
            for (var i = 0; i < count; i++) dst[i * elementSize + b] = plane[i];
        }
    }

    private static int Check(ReadOnlySpan<byte> src, Span<byte> dst, int elementSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementSize);
        if (src.Length % elementSize != 0) throw new ArgumentException($"{src.Length} bytes are not whole {elementSize}-byte values", nameof(src));
        if (dst.Length < src.Length) throw new ArgumentException("destination shorter than source", nameof(dst));
        if (src.Overlaps(dst)) throw new ArgumentException("source and destination overlap", nameof(dst));
        return src.Length / elementSize;
    }
}
