using Parallax.Fits.Compression;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;

namespace Parallax.Fits;

/// <summary>Tile-compressed images (the FITS tiled image convention, as written by fpack).</summary>
public sealed partial class FitsWriter
{
    /// <summary>
    /// Writes float pixels as a tile-compressed image: stored with <paramref name="encoding"/> exactly as
    /// <see cref="WriteImage"/> would store them, then compressed losslessly: RICE_1 for the integer encodings,
    /// GZIP_2 for <see cref="ImageEncoding.Float32"/> and <see cref="ImageEncoding.Float64"/> (unless
    /// <paramref name="compression"/> says otherwise). A compressed image lives in a binary-table extension,
    /// so when nothing has been written yet an empty primary is written first.
    /// </summary>
    /// <param name="pixels">Physical values, NAXIS1 fastest; NaN becomes NaN (float encodings) or BLANK (integer encodings).</param>
    /// <param name="axes">Axis lengths, NAXIS1 first (all positive); their product must equal the pixel count.</param>
    /// <param name="header">The image's cards (EXTNAME, WCS, provenance ...); structural and compression keywords in it are replaced.</param>
    /// <param name="encoding">How to store the values before compression.</param>
    /// <param name="compression">Algorithm and tile shape; null for <see cref="TileCompressionOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A shape that does not match, an empty image, or RICE_1 asked for float data.</exception>
    public void WriteCompressedImage(ReadOnlySpan<float> pixels, IReadOnlyList<int> axes, Header? header = null,
        ImageEncoding encoding = ImageEncoding.Float32, TileCompressionOptions? compression = null)
    {
        CheckShape(pixels.Length, axes);
        var bitpix = PixelEncoder.Bitpix(encoding);
        compression ??= TileCompressionOptions.Default;
        CompressedImageWriter.Choose(bitpix, compression);
        long? blank = encoding is not (ImageEncoding.Float32 or ImageEncoding.Float64) && ContainsNaN(pixels) ? PixelEncoder.BlankValue(encoding) : null;
        var scaling = new PixelScaling(bitpix, 1.0, PixelEncoder.BZero(encoding), blank);
        var width = Math.Abs(bitpix) / 8;
        var bytes = GC.AllocateUninitializedArray<byte>((int)CheckedBytes(pixels.Length, width));
        const int chunk = 1 << 18;
        for (var i = 0; i < pixels.Length; i += chunk)
        {
            var n = Math.Min(chunk, pixels.Length - i);
            PixelEncoder.Encode(pixels.Slice(i, n), encoding, bytes.AsSpan(i * width, n * width));
        }
        WriteCompressed(bytes, bitpix, axes, scaling, header, compression);
    }

    /// <summary>
    /// Writes native values as a tile-compressed image, unscaled, as <see cref="WriteNativeImage{T}"/> stores them
    /// (byte → BITPIX 8, short → 16, ushort → 16 with BZERO 32768, int → 32, uint → 32 with BZERO 2^31, float → −32,
    /// double → −64; long → 64 with GZIP only), compressed losslessly: RICE_1 for integers, GZIP_2 for floats by default.
    /// </summary>
    /// <exception cref="ArgumentException">An unsupported type, a shape that does not match, an empty image, or RICE_1 asked for float or 64-bit data.</exception>
    public void WriteCompressedNativeImage<T>(ReadOnlySpan<T> pixels, IReadOnlyList<int> axes, Header? header = null, TileCompressionOptions? compression = null)
        where T : unmanaged
    {
        CheckShape(pixels.Length, axes);
        var (bitpix, bzero) = NativeType<T>();
        compression ??= TileCompressionOptions.Default;
        CompressedImageWriter.Choose(bitpix, compression);
        var width = Math.Abs(bitpix) / 8;
        var bytes = GC.AllocateUninitializedArray<byte>((int)CheckedBytes(pixels.Length, width));
        PixelEncoder.EncodeNative(pixels, bytes);
        // Unsigned conventions: stored = value − BZERO, i.e. the sign bit (first big-endian byte) flipped.
        if (bzero != 0) for (var k = 0; k < bytes.Length; k += width) bytes[k] ^= 0x80;
        WriteCompressed(bytes, bitpix, axes, new PixelScaling(bitpix, 1.0, bzero, null), header, compression);
    }

    /// <summary>Compresses stored big-endian values and writes the table HDU (after an empty primary when none is written yet).</summary>
    internal void WriteCompressed(ReadOnlyMemory<byte> bigEndian, int bitpix, IReadOnlyList<int> axes, PixelScaling scaling, Header? header, TileCompressionOptions compression)
    {
        var result = CompressedImageWriter.Compress(bigEndian, bitpix, axes, scaling, compression);
        if (NextIsPrimary) WriteEmpty();
        WriteHdu(result.Structure, header, Tables.BinaryTableWriter.DataSize(result.Table),
            sink => Tables.BinaryTableWriter.WriteData(result.Table, sink), CompressedImageWriter.IsReserved);
    }

    private static long CheckedBytes(long pixels, int width)
        => pixels * width <= Array.MaxLength ? pixels * width
            : throw new ArgumentException($"{pixels:N0} pixels of {width} bytes are more than one compressed image can be built from; split the image");

    private static (int Bitpix, double BZero) NativeType<T>() => typeof(T) switch
    {
        var t when t == typeof(byte) => (8, 0.0),
        var t when t == typeof(short) => (16, 0.0),
        var t when t == typeof(ushort) => (16, 32768.0),
        var t when t == typeof(int) => (32, 0.0),
        var t when t == typeof(uint) => (32, 2147483648.0),
        var t when t == typeof(long) => (64, 0.0),
        var t when t == typeof(float) => (-32, 0.0),
        var t when t == typeof(double) => (-64, 0.0),
        _ => throw new ArgumentException($"{typeof(T).Name} pixels cannot be written to FITS"),
    };

    private static byte[] ToBigEndian(Array raw)
    {
        switch (raw)
        {
            case byte[] b: return (byte[])b.Clone();
            case short[] s: { var r = new byte[s.Length * 2L]; PixelEncoder.EncodeNative<short>(s, r); return r; }
            case int[] i: { var r = new byte[i.Length * 4L]; PixelEncoder.EncodeNative<int>(i, r); return r; }
            case long[] l: { var r = new byte[l.Length * 8L]; PixelEncoder.EncodeNative<long>(l, r); return r; }
            case float[] f: { var r = new byte[f.Length * 4L]; PixelEncoder.EncodeNative<float>(f, r); return r; }
            case double[] d: { var r = new byte[d.Length * 8L]; PixelEncoder.EncodeNative<double>(d, r); return r; }
            default: throw new ArgumentException($"{raw.GetType().Name} is not an array of FITS pixels", nameof(raw));
        }
    }
}
