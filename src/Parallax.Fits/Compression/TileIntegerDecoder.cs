using System.Buffers;

namespace Parallax.Fits.Compression;

/// <summary>
/// Decodes one tile whose pixels are integers (an integer image, or the quantised integers of a
/// float image) into 32-bit values, whatever the algorithm. BITPIX 8 pixels come out unsigned
/// (0..255); 16- and 32-bit pixels signed.
/// </summary>
internal static class TileIntegerDecoder
{
    /// <summary>Decodes <paramref name="compressed"/> (the tile's heap bytes) into <paramref name="dst"/>, whose length is the tile's pixel count.</summary>
    /// <param name="algorithm">The ZCMPTYPE.</param>
    /// <param name="compressed">The heap bytes of the tile's COMPRESSED_DATA (or UNCOMPRESSED_DATA) entry.</param>
    /// <param name="dst">The tile's pixels, first axis fastest.</param>
    /// <param name="parameters">ZNAME/ZVAL parameters.</param>
    /// <param name="storedBitpix">Bits of a stored pixel (8, 16 or 32); needed for NOCOMPRESS tiles only.</param>
    /// <exception cref="FitsFormatException">Corrupt data, or a stored width that 32-bit values cannot hold.</exception>
    public static void Decode(CompressionAlgorithm algorithm, ReadOnlySpan<byte> compressed, Span<int> dst, in TileCodecParameters parameters, int storedBitpix = 32)
    {
        switch (algorithm)
        {
            case CompressionAlgorithm.Rice1:
                RiceCodec.Decode(compressed, dst, parameters.BytePix, parameters.BlockSize);
                break;
            case CompressionAlgorithm.HCompress1:
                HCompressCodec.Decode(compressed, dst, parameters.Smooth);
                break;
            case CompressionAlgorithm.Plio1:
                PlioCodec.Decode(compressed, dst);
                break;
            case CompressionAlgorithm.Gzip1:
            case CompressionAlgorithm.Gzip2:
                DecodeGzip(compressed, dst, algorithm == CompressionAlgorithm.Gzip2);
                break;
            case CompressionAlgorithm.NoCompress:
                var width = Math.Abs(storedBitpix) / 8;
                if (compressed.Length != (long)width * dst.Length)
                    throw CorruptTile.Error("NOCOMPRESS", $"the tile holds {compressed.Length} bytes, expected {width * (long)dst.Length}");
                Widen(compressed, width, dst, "NOCOMPRESS");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
        }
    }

    private static void DecodeGzip(ReadOnlySpan<byte> compressed, Span<int> dst, bool shuffled)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, 8 * dst.Length));
        try
        {
            var width = GzipCodec.DecodeTile(compressed, dst.Length, shuffled, bytes.AsSpan(0, 8 * dst.Length));
            Widen(bytes.AsSpan(0, width * dst.Length), width, dst, shuffled ? "GZIP_2" : "GZIP_1");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Big-endian pixels of 1, 2 or 4 bytes to int (bytes unsigned).</summary>
    private static void Widen(ReadOnlySpan<byte> bytes, int width, Span<int> dst, string codec)
    {
        switch (width)
        {
            case 1:
                for (var i = 0; i < dst.Length; i++) dst[i] = bytes[i];
                break;
            case 2:
                for (var i = 0; i < dst.Length; i++) dst[i] = (short)((bytes[2 * i] << 8) | bytes[2 * i + 1]);
                break;
            case 4:
                BigEndianValues.Read(bytes, dst);
                break;
            default:
                throw CorruptTile.Error(codec, $"{width}-byte pixels do not fit in 32-bit integers");
        }
    }
}
