using System.Buffers;
using System.Buffers.Binary;

namespace Parallax.Fits.Compression;

/// <summary>
/// Decodes one tile of a floating-point image (ZBITPIX −32 or −64): either quantised integers
/// (any algorithm) restored with the tile's ZSCALE/ZZERO and dither, or — when the method is
/// <see cref="QuantizationMethod.None"/> — the float values themselves, gzip or uncompressed.
/// CFITSIO also stores a tile it could not quantise that way, in the GZIP_COMPRESSED_DATA
/// column: decode such a tile with <see cref="CompressionAlgorithm.Gzip1"/> and method None.
/// </summary>
internal static class TileFloatDecoder
{
    /// <summary>Decodes into single precision (a lossless double tile is rounded to float).</summary>
    /// <exception cref="FitsFormatException">Corrupt data, or lossless float data in a codec that cannot hold them.</exception>
    public static void Decode(CompressionAlgorithm algorithm, ReadOnlySpan<byte> compressed, Span<float> dst, in TileCodecParameters parameters, in TileQuantization quantization)
    {
        if (quantization.Method != QuantizationMethod.None)
        {
            var integers = DecodeIntegers(algorithm, compressed, dst.Length, parameters);
            try
            {
                TileDequantizer.Dequantize(integers.AsSpan(0, dst.Length), dst, quantization);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(integers);
            }
            return;
        }
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, 8 * dst.Length));
        try
        {
            var width = Unpack(algorithm, compressed, dst.Length, bytes);
            if (width == 4) BigEndianValues.Read(bytes.AsSpan(0, 4 * dst.Length), dst);
            else
                for (var i = 0; i < dst.Length; i++)
                    dst[i] = (float)BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(8 * i));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Decodes into double precision.</summary>
    /// <exception cref="FitsFormatException">Corrupt data, or lossless float data in a codec that cannot hold them.</exception>
    public static void Decode(CompressionAlgorithm algorithm, ReadOnlySpan<byte> compressed, Span<double> dst, in TileCodecParameters parameters, in TileQuantization quantization)
    {
        if (quantization.Method != QuantizationMethod.None)
        {
            var integers = DecodeIntegers(algorithm, compressed, dst.Length, parameters);
            try
            {
                TileDequantizer.Dequantize(integers.AsSpan(0, dst.Length), dst, quantization);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(integers);
            }
            return;
        }
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, 8 * dst.Length));
        try
        {
            var width = Unpack(algorithm, compressed, dst.Length, bytes);
            if (width == 8) BigEndianValues.Read(bytes.AsSpan(0, 8 * dst.Length), dst);
            else
                for (var i = 0; i < dst.Length; i++)
                    dst[i] = BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(4 * i));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Decodes a quantised tile's integers into a pooled array (the caller returns it to <see cref="ArrayPool{T}.Shared"/>).</summary>
    private static int[] DecodeIntegers(CompressionAlgorithm algorithm, ReadOnlySpan<byte> compressed, int count, in TileCodecParameters parameters)
    {
        var integers = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        try
        {
            TileIntegerDecoder.Decode(algorithm, compressed, integers.AsSpan(0, count), parameters);
            return integers;
        }
        catch
        {
            ArrayPool<int>.Shared.Return(integers);
            throw;
        }
    }

    /// <summary>Puts the tile's big-endian float bytes into <paramref name="bytes"/>; returns 4 or 8, the bytes per value.</summary>
    private static int Unpack(CompressionAlgorithm algorithm, ReadOnlySpan<byte> compressed, int count, byte[] bytes)
    {
        var name = CompressionAlgorithms.ToKeywordValue(algorithm);
        int width;
        switch (algorithm)
        {
            case CompressionAlgorithm.NoCompress:
                width = compressed.Length == 4L * count ? 4 : compressed.Length == 8L * count ? 8
                    : throw CorruptTile.Error(name, $"the tile holds {compressed.Length} bytes, not {count} floats");
                compressed.CopyTo(bytes);
                break;
            case CompressionAlgorithm.Gzip1:
            case CompressionAlgorithm.Gzip2:
                width = GzipCodec.DecodeTile(compressed, count, algorithm == CompressionAlgorithm.Gzip2, bytes.AsSpan(0, 8 * count));
                break;
            default:
                throw CorruptTile.Error(name, "unquantised floating-point pixels can only be stored with GZIP_1, GZIP_2 or NOCOMPRESS");
        }
        if (width is not (4 or 8)) throw CorruptTile.Error(name, $"{width}-byte pixels are not floating point");
        return width;
    }
}
