using System.Buffers;
using System.IO.Compression;

namespace Parallax.Fits.Compression;

/// <summary>
/// GZIP_1 and GZIP_2 tiles: a gzip stream of the tile's big-endian bytes, for GZIP_2 after the
/// <see cref="ByteShuffle"/>. As in CFITSIO the pixel width is not stored: it is the inflated
/// size divided by the tile's pixel count (1, 2, 4 or 8 bytes).
/// </summary>
internal static class GzipCodec
{
    /// <summary>
    /// Inflates a gzip (or, leniently, zlib) stream into <paramref name="dst"/>; returns the bytes
    /// written. Never writes or allocates past <paramref name="dst"/>.
    /// </summary>
    /// <exception cref="FitsFormatException">Not a gzip stream, corrupt, or inflating to more than <paramref name="dst"/> holds.</exception>
    public static unsafe int Inflate(ReadOnlySpan<byte> src, Span<byte> dst, string codec = "GZIP_1")
    {
        if (src.Length < 2) throw CorruptTile.Error(codec, $"{src.Length} bytes are too few for a gzip stream");
        fixed (byte* pointer = src)
        {
            using var input = new UnmanagedMemoryStream(pointer, src.Length);
            using var inflater = OpenInflater(input, src, codec);
            try
            {
                var total = 0;
                while (total < dst.Length)
                {
                    var got = inflater.Read(dst[total..]);
                    if (got == 0) return total;
                    total += got;
                }
                Span<byte> probe = stackalloc byte[1];
                if (inflater.Read(probe) > 0)
                    throw CorruptTile.Error(codec, $"the data inflate to more than the {dst.Length} bytes a tile can hold");
                return total;
            }
            catch (InvalidDataException e)
            {
                throw CorruptTile.Error(codec, "the gzip stream is corrupt: " + e.Message, e);
            }
        }
    }

    /// <summary>
    /// Decodes a tile of <paramref name="pixelCount"/> pixels into <paramref name="dst"/> as big-endian
    /// bytes (unshuffled for GZIP_2); returns the bytes per pixel found (1, 2, 4 or 8).
    /// <paramref name="dst"/> must hold 8 × <paramref name="pixelCount"/> bytes, the widest case.
    /// </summary>
    /// <exception cref="FitsFormatException">Corrupt data, or an inflated size that is no whole pixel width.</exception>
    public static int DecodeTile(ReadOnlySpan<byte> src, int pixelCount, bool shuffled, Span<byte> dst)
    {
        var codec = shuffled ? "GZIP_2" : "GZIP_1";
        ArgumentOutOfRangeException.ThrowIfNegative(pixelCount);
        if (dst.Length < 8L * pixelCount) throw new ArgumentException($"the destination must hold {8L * pixelCount} bytes", nameof(dst));
        if (pixelCount == 0) return 1;
        var scratch = shuffled ? ArrayPool<byte>.Shared.Rent(8 * pixelCount) : null;
        try
        {
            var inflated = Inflate(src, scratch is null ? dst[..(8 * pixelCount)] : scratch.AsSpan(0, 8 * pixelCount), codec);
            var width = WidthOf(inflated, pixelCount, codec);
            if (scratch is not null) ByteShuffle.Unshuffle(scratch.AsSpan(0, inflated), dst, width);
            return width;
        }
        finally
        {
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Compresses a tile's big-endian bytes into a gzip stream, shuffling first for GZIP_2.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> bigEndianTile, int elementSize, bool shuffle, CompressionLevel level = CompressionLevel.Optimal)
    {
        // GZipStream writes nothing at all for no input; a reader expects a (empty) gzip member
        if (bigEndianTile.IsEmpty) return [.. EmptyMember];
        byte[]? scratch = null;
        var source = bigEndianTile;
        try
        {
            if (shuffle)
            {
                scratch = ArrayPool<byte>.Shared.Rent(bigEndianTile.Length);
                ByteShuffle.Shuffle(bigEndianTile, scratch, elementSize);
                source = scratch.AsSpan(0, bigEndianTile.Length);
            }
            using var output = new MemoryStream(bigEndianTile.Length / 2 + 64);
            using (var deflater = new GZipStream(output, level, leaveOpen: true)) deflater.Write(source);
            return output.ToArray();
        }
        finally
        {
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>A gzip member of no data: header (no name, no time, OS unknown), an empty final block, CRC 0, size 0.</summary>
    private static ReadOnlySpan<byte> EmptyMember => [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static int WidthOf(int inflated, int pixelCount, string codec)
    {
        foreach (var width in (ReadOnlySpan<int>)[1, 2, 4, 8])
            if (inflated == (long)width * pixelCount) return width;
        throw CorruptTile.Error(codec, $"the tile inflates to {inflated} bytes, which is no whole pixel width for {pixelCount} pixels");
    }

    private static Stream OpenInflater(Stream input, ReadOnlySpan<byte> src, string codec)
    {
        // CFITSIO writes gzip (RFC 1952); accept zlib (RFC 1950) as some other writers produce it.
        if (src[0] == 0x1F && src[1] == 0x8B) return new GZipStream(input, CompressionMode.Decompress);
        if ((src[0] & 0x0F) == 8 && ((src[0] << 8) | src[1]) % 31 == 0) return new ZLibStream(input, CompressionMode.Decompress);
        throw CorruptTile.Error(codec, $"the data do not start with a gzip header (0x{src[0]:X2} 0x{src[1]:X2})");
    }
}
