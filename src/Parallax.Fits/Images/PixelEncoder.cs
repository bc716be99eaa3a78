using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Images;

/// <summary>Converts host-order pixels to the big-endian bytes of a FITS data unit.</summary>
internal static class PixelEncoder
{
    /// <summary>BITPIX for an encoding.</summary>
    public static int Bitpix(ImageEncoding e) => e switch
    {
        ImageEncoding.Float32 => -32,
        ImageEncoding.Float64 => -64,
        ImageEncoding.Int16 or ImageEncoding.UInt16 => 16,
        ImageEncoding.Int32 => 32,
        _ => 8,
    };

    /// <summary>The stored BLANK for an integer encoding.</summary>
    public static long BlankValue(ImageEncoding e) => e switch
    {
        ImageEncoding.Int16 or ImageEncoding.UInt16 => short.MinValue,
        ImageEncoding.Int32 => int.MinValue,
        _ => 255,
    };

    /// <summary>BZERO for an encoding (32768 for unsigned 16-bit, else 0).</summary>
    public static double BZero(ImageEncoding e) => e == ImageEncoding.UInt16 ? 32768.0 : 0.0;

    /// <summary>Encodes float pixels; <paramref name="destination"/> must hold count × |BITPIX|/8 bytes.</summary>
    public static void Encode(ReadOnlySpan<float> src, ImageEncoding e, Span<byte> destination)
    {
        switch (e)
        {
            case ImageEncoding.Float32:
                var i32 = MemoryMarshal.Cast<float, int>(src);
                var d32 = MemoryMarshal.Cast<byte, int>(destination[..(src.Length * 4)]);
                if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(i32, d32);
                else i32.CopyTo(d32);
                break;
            case ImageEncoding.Float64:
                var d64 = MemoryMarshal.Cast<byte, long>(destination[..(src.Length * 8)]);
                var asDouble = MemoryMarshal.Cast<long, double>(d64);
                for (var i = 0; i < src.Length; i++) asDouble[i] = src[i];
                if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(d64, d64);
                break;
            case ImageEncoding.Int16:
            case ImageEncoding.UInt16:
                var s16 = MemoryMarshal.Cast<byte, short>(destination[..(src.Length * 2)]);
                var offset = e == ImageEncoding.UInt16 ? 32768f : 0f;
                for (var i = 0; i < src.Length; i++)
                {
                    var v = src[i];
                    s16[i] = float.IsNaN(v) ? short.MinValue : (short)Math.Clamp(MathF.Round(v, MidpointRounding.AwayFromZero) - offset, -32768f, 32767f);
                }
                if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(s16, s16);
                break;
            case ImageEncoding.Int32:
                var s32 = MemoryMarshal.Cast<byte, int>(destination[..(src.Length * 4)]);
                for (var i = 0; i < src.Length; i++)
                {
                    var v = src[i];
                    s32[i] = float.IsNaN(v) ? int.MinValue : (int)Math.Clamp(Math.Round((double)v, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);
                }
                if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(s32, s32);
                break;
            default:
                for (var i = 0; i < src.Length; i++)
                {
                    var v = src[i];
                    destination[i] = float.IsNaN(v) ? (byte)255 : (byte)Math.Clamp(MathF.Round(v, MidpointRounding.AwayFromZero), 0f, 255f);
                }
                break;
        }
    }

    /// <summary>Encodes native values of any FITS type (no scaling) into big-endian bytes.</summary>
    public static void EncodeNative<T>(ReadOnlySpan<T> src, Span<byte> destination) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(src);
        var dst = destination[..bytes.Length];
        if (!BitConverter.IsLittleEndian || typeof(T) == typeof(byte)) { bytes.CopyTo(dst); return; }
        switch (System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, short>(bytes), MemoryMarshal.Cast<byte, short>(dst)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(bytes), MemoryMarshal.Cast<byte, int>(dst)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, long>(bytes), MemoryMarshal.Cast<byte, long>(dst)); break;
            default: bytes.CopyTo(dst); break;
        }
    }
}
