using System.Buffers;
using System.Buffers.Binary;

namespace Parallax.Fits.Compression;

/// <summary>
/// HCOMPRESS_1 decoding (ZNAME 'SCALE', 'SMOOTH'): the stream holds the tile's H-transform
/// coefficients divided by SCALE, as bit planes of four quadrants (quadtree coded), then the
/// sign bits; decoding multiplies by the scale and inverts the transform. SCALE in the header
/// only steers the encoder: the scale actually used is stored in the stream, so this decoder
/// needs no header value but SMOOTH.
/// </summary>
/// <remarks>
/// SMOOTH is honoured when asked for (CFITSIO does the same on read); it only changes lossy
/// tiles (scale &gt; 1). All arithmetic is 64-bit, so BITPIX 32 tiles and quantised floats with
/// values near ±2³¹ decode exactly as CFITSIO's 64-bit path does.
/// </remarks>
internal static class HCompressCodec
{
    private const string Codec = "HCOMPRESS_1";

    /// <summary>Reads the stream's header: dimensions and scale.</summary>
    /// <exception cref="FitsFormatException">Too short, wrong magic number, or dimensions that are not positive.</exception>
    public static HCompressHeader ReadHeader(ReadOnlySpan<byte> src)
    {
        if (src.Length < HCompressHeader.Size)
            throw CorruptTile.Error(Codec, $"{src.Length} bytes are too few for the {HCompressHeader.Size}-byte header");
        if (src[0] != 0xDD || src[1] != 0x99)
            throw CorruptTile.Error(Codec, $"the stream starts 0x{src[0]:X2} 0x{src[1]:X2}, not the magic 0xDD 0x99");
        var rows = BinaryPrimitives.ReadInt32BigEndian(src[2..]);
        var columns = BinaryPrimitives.ReadInt32BigEndian(src[6..]);
        var scale = BinaryPrimitives.ReadInt32BigEndian(src[10..]);
        if (rows <= 0 || columns <= 0)
            throw CorruptTile.Error(Codec, $"the stream gives a {rows} × {columns} tile");
        return new HCompressHeader(rows, columns, scale);
    }

    /// <summary>
    /// Decodes a tile into <paramref name="dst"/>, whose length must be the tile's pixel count
    /// (rows of ZTILE1 pixels). Returns the stream's header.
    /// </summary>
    /// <exception cref="FitsFormatException">Corrupt or truncated data, or a tile size other than <paramref name="dst"/>'s length.</exception>
    public static HCompressHeader Decode(ReadOnlySpan<byte> src, Span<long> dst, bool smooth)
    {
        var header = ReadHeader(src);
        if (header.PixelCount != dst.Length)
            throw CorruptTile.Error(Codec, $"the stream holds a {header.Rows} × {header.Columns} tile, expected {dst.Length} pixels");
        int nx = header.Rows, ny = header.Columns;
        var sum = BinaryPrimitives.ReadInt64BigEndian(src[14..]);
        ReadOnlySpan<byte> planes = src.Slice(22, 3);
        foreach (var count in planes)
            if (count > 62) throw CorruptTile.Error(Codec, $"{count} bit planes are more than a 64-bit coefficient holds");

        dst.Clear();
        var reader = new HCompressBitReader(src, HCompressHeader.Size);
        int nx2 = (nx + 1) / 2, ny2 = (ny + 1) / 2;
        var scratch = ArrayPool<byte>.Shared.Rent(Math.Max(1, ((nx2 + 1) / 2) * ((ny2 + 1) / 2)));
        try
        {
            HCompressQuadtree.DecodeQuadrant(ref reader, dst, ny, nx2, ny2, planes[0], scratch);
            HCompressQuadtree.DecodeQuadrant(ref reader, dst[ny2..], ny, nx2, ny / 2, planes[1], scratch);
            HCompressQuadtree.DecodeQuadrant(ref reader, dst[(ny * nx2)..], ny, nx / 2, ny2, planes[1], scratch);
            HCompressQuadtree.DecodeQuadrant(ref reader, dst[(ny * nx2 + ny2)..], ny, nx / 2, ny / 2, planes[2], scratch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        if (reader.Nybble() != 0)
            throw CorruptTile.Error(Codec, "the bit planes are not followed by the end code 0");

        // the sign bits start at the next byte, one for each non-zero coefficient
        reader.AlignToByte();
        for (var i = 0; i < dst.Length; i++)
            if (dst[i] != 0 && reader.Bit() != 0) dst[i] = -dst[i];

        dst[0] = sum;
        if (header.Scale > 1)
            for (var i = 0; i < dst.Length; i++) dst[i] *= header.Scale;
        HCompressInverse.Apply(dst, nx, ny, smooth, header.Scale);
        return header;
    }

    /// <summary>Decodes into 32-bit pixels (values are truncated to 32 bits, as CFITSIO does).</summary>
    /// <exception cref="FitsFormatException">Corrupt or truncated data, or a tile size other than <paramref name="dst"/>'s length.</exception>
    public static HCompressHeader Decode(ReadOnlySpan<byte> src, Span<int> dst, bool smooth)
    {
        var wide = ArrayPool<long>.Shared.Rent(Math.Max(1, dst.Length));
        try
        {
            var header = Decode(src, wide.AsSpan(0, dst.Length), smooth);
            for (var i = 0; i < dst.Length; i++) dst[i] = (int)wide[i];
            return header;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(wide);
        }
    }
}
