namespace Parallax.Fits.Compression;

/// <summary>
/// NOCOMPRESS tiles: the pixels are stored as they are, big-endian, in the UNCOMPRESSED_DATA
/// (or COMPRESSED_DATA) column. Decoding is a byte-order conversion with a length check.
/// </summary>
internal static class NoCompressCodec
{
    /// <summary>
    /// Copies a tile's stored bytes into <paramref name="dst"/> unchanged (they stay big-endian),
    /// checking the stored length equals the tile's byte size.
    /// </summary>
    /// <exception cref="FitsFormatException">The stored length is not the tile's size.</exception>
    public static void Decode(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        if (src.Length != dst.Length)
            throw CorruptTile.Error("NOCOMPRESS", $"the tile holds {src.Length} bytes, expected {dst.Length}");
        src.CopyTo(dst);
    }

    /// <summary>Copies the tile's big-endian bytes as they are.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> bigEndianTile) => bigEndianTile.ToArray();
}
