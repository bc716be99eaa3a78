namespace Parallax.Fits.Compression;

/// <summary>
/// RICE_1 tile compression (ZNAME 'BLOCKSIZE', default 32; 'BYTEPIX' 1, 2 or 4, default 4).
/// Decoding and encoding follow CFITSIO's ricecomp.c bit for bit.
/// </summary>
internal static class RiceCodec
{
    /// <summary>The convention's default pixels per block.</summary>
    public const int DefaultBlockSize = 32;

    /// <summary>The convention's default bytes per pixel.</summary>
    public const int DefaultBytePix = 4;

    /// <summary>
    /// Decodes a tile into <paramref name="dst"/> (its length is the tile's pixel count). BYTEPIX 1
    /// gives unsigned values 0..255 (BITPIX 8), 2 gives signed 16-bit values, 4 signed 32-bit.
    /// </summary>
    /// <exception cref="FitsFormatException">Corrupt or truncated data, a bad BYTEPIX or BLOCKSIZE.</exception>
    public static void Decode(ReadOnlySpan<byte> src, Span<int> dst, int bytePix, int blockSize)
    {
        switch (bytePix)
        {
            case 1: RiceDecoder.Decode<RiceWidth8, int>(src, dst, blockSize); break;
            case 2: RiceDecoder.Decode<RiceWidth16, int>(src, dst, blockSize); break;
            case 4: RiceDecoder.Decode<RiceWidth32, int>(src, dst, blockSize); break;
            default: throw BadBytePix(bytePix);
        }
    }

    /// <summary>Decodes a BYTEPIX 2 tile straight into 16-bit pixels.</summary>
    /// <exception cref="FitsFormatException">Corrupt or truncated data, or a bad BLOCKSIZE.</exception>
    public static void Decode(ReadOnlySpan<byte> src, Span<short> dst, int blockSize)
        => RiceDecoder.Decode<RiceWidth16, short>(src, dst, blockSize);

    /// <summary>Decodes a BYTEPIX 1 tile straight into 8-bit pixels.</summary>
    /// <exception cref="FitsFormatException">Corrupt or truncated data, or a bad BLOCKSIZE.</exception>
    public static void Decode(ReadOnlySpan<byte> src, Span<byte> dst, int blockSize)
        => RiceDecoder.Decode<RiceWidth8, byte>(src, dst, blockSize);

    /// <summary>
    /// Encodes a tile; only the low 8 × <paramref name="bytePix"/> bits of each value count.
    /// Returns the number of bytes written (0 for an empty tile).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dst"/> is shorter than <see cref="MaxEncodedLength"/>, or a bad BYTEPIX.</exception>
    public static int Encode(ReadOnlySpan<int> src, int bytePix, int blockSize, Span<byte> dst) => bytePix switch
    {
        1 => RiceEncoder.Encode<RiceWidth8>(src, blockSize, dst),
        2 => RiceEncoder.Encode<RiceWidth16>(src, blockSize, dst),
        4 => RiceEncoder.Encode<RiceWidth32>(src, blockSize, dst),
        _ => throw new ArgumentOutOfRangeException(nameof(bytePix), bytePix, "BYTEPIX must be 1, 2 or 4"),
    };

    /// <summary>Encodes a tile into a new array of exactly the compressed length.</summary>
    public static byte[] Encode(ReadOnlySpan<int> src, int bytePix, int blockSize)
    {
        var buffer = new byte[MaxEncodedLength(src.Length, bytePix, blockSize)];
        var length = Encode(src, bytePix, blockSize, buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>
    /// An upper bound of the encoded size. A normal block costs at most fs + 3.5 bits a pixel
    /// (the split level follows the block mean), so no pixel needs more than BBITS + 1 bits,
    /// plus one code per block, the raw first pixel and the padding.
    /// </summary>
    public static int MaxEncodedLength(int count, int bytePix, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        var bound = (long)bytePix * (count + 1) + (count + 7L) / 8 + (count + (long)blockSize - 1) / blockSize + 2;
        if (bound > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(count), count, "tile too large to Rice code");
        return (int)bound;
    }

    private static FitsFormatException BadBytePix(int bytePix)
        => CorruptTile.Error("RICE_1", $"BYTEPIX {bytePix} is not 1, 2 or 4");
}
