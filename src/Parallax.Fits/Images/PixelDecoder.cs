using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Images;

/// <summary>
/// Converts big-endian stored pixels to host-order physical values. The byte swap is the BCL's
/// vectorised <see cref="BinaryPrimitives.ReverseEndianness(ReadOnlySpan{short}, Span{short})"/>;
/// the common conversions (plain integers, unsigned 16/32-bit via BZERO, floats) are vectorised
/// with <see cref="Vector{T}"/> and a scalar tail. Other scalings are computed in double and
/// rounded once to float32, as CFITSIO does (astropy scales 8/16-bit data in float32, rounding twice).
/// </summary>
internal static class PixelDecoder
{
    /// <summary>Decodes <c>destination.Length</c> pixels from <paramref name="bigEndian"/> (which is swapped in place and left undefined).</summary>
    public static void ToFloat32(Span<byte> bigEndian, in PixelScaling s, Span<float> destination)
    {
        switch (s.Bitpix)
        {
            case 8: Bytes(bigEndian[..destination.Length], s, destination); break;
            case 16: Int16(Swap16(bigEndian, destination.Length), s, destination); break;
            case 32: Int32(Swap32(bigEndian, destination.Length), s, destination); break;
            case 64: Int64(Swap64(bigEndian, destination.Length), s, destination); break;
            case -32: Float32(Swap32(bigEndian, destination.Length), s, destination); break;
            case -64: Float64(Swap64(bigEndian, destination.Length), s, destination); break;
            default: throw new ArgumentException($"BITPIX {s.Bitpix} is not valid");
        }
    }

    /// <summary>Decodes to double precision: every conversion in double, no rounding to float.</summary>
    public static void ToFloat64(Span<byte> bigEndian, in PixelScaling s, Span<double> destination)
    {
        var n = destination.Length;
        var blank = s.Blank;
        switch (s.Bitpix)
        {
            case 8:
                for (var i = 0; i < n; i++) destination[i] = blank == bigEndian[i] ? double.NaN : bigEndian[i] * s.BScale + s.BZero;
                break;
            case 16:
                var a16 = Swap16(bigEndian, n);
                for (var i = 0; i < n; i++) destination[i] = blank == a16[i] ? double.NaN : a16[i] * s.BScale + s.BZero;
                break;
            case 32:
                var a32 = Swap32(bigEndian, n);
                for (var i = 0; i < n; i++) destination[i] = blank == a32[i] ? double.NaN : a32[i] * s.BScale + s.BZero;
                break;
            case 64:
                var a64 = Swap64(bigEndian, n);
                if (blank is null && s.BScale == 1.0 && s.BZero == 9223372036854775808.0)
                {
                    // Unsigned 64-bit convention: convert the exact unsigned value once, not raw + 2^63 in double.
                    for (var i = 0; i < n; i++) destination[i] = (ulong)a64[i] ^ 0x8000_0000_0000_0000ul;
                    break;
                }
                for (var i = 0; i < n; i++) destination[i] = blank == a64[i] ? double.NaN : a64[i] * s.BScale + s.BZero;
                break;
            case -32:
                var f = MemoryMarshal.Cast<int, float>(Swap32(bigEndian, n));
                for (var i = 0; i < n; i++) destination[i] = f[i] * s.BScale + s.BZero;
                break;
            case -64:
                var d = MemoryMarshal.Cast<long, double>(Swap64(bigEndian, n));
                if (s.IsIdentity) d.CopyTo(destination);
                else for (var i = 0; i < n; i++) destination[i] = d[i] * s.BScale + s.BZero;
                break;
            default: throw new ArgumentException($"BITPIX {s.Bitpix} is not valid");
        }
    }

    internal static Span<short> Swap16(Span<byte> bytes, int count)
    {
        var v = MemoryMarshal.Cast<byte, short>(bytes[..(count * 2)]);
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(v, v);
        return v;
    }

    internal static Span<int> Swap32(Span<byte> bytes, int count)
    {
        var v = MemoryMarshal.Cast<byte, int>(bytes[..(count * 4)]);
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(v, v);
        return v;
    }

    internal static Span<long> Swap64(Span<byte> bytes, int count)
    {
        var v = MemoryMarshal.Cast<byte, long>(bytes[..(count * 8)]);
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(v, v);
        return v;
    }

    private static void Bytes(ReadOnlySpan<byte> src, in PixelScaling s, Span<float> dst)
    {
        var blank = s.Blank;
        for (var i = 0; i < dst.Length; i++)
            dst[i] = blank == src[i] ? float.NaN : (float)(src[i] * s.BScale + s.BZero);
    }

    private static void Int16(ReadOnlySpan<short> src, in PixelScaling s, Span<float> dst)
    {
        var i = 0;
        var n = dst.Length;
        if (s.Blank is { } blank)
        {
            for (; i < n; i++) dst[i] = src[i] == blank ? float.NaN : (float)(src[i] * s.BScale + s.BZero);
            return;
        }
        if (s.IsUnsigned16)
        {
            // Flipping the sign bit turns the stored value into the unsigned physical value exactly.
            var u = MemoryMarshal.Cast<short, ushort>(src);
            var flip = new Vector<ushort>(0x8000);
            var w = Vector<ushort>.Count;
            for (; i <= n - w; i += w)
            {
                Vector.Widen(new Vector<ushort>(u[i..]) ^ flip, out var lo, out var hi);
                Vector.ConvertToSingle(lo).CopyTo(dst[i..]);
                Vector.ConvertToSingle(hi).CopyTo(dst[(i + Vector<uint>.Count)..]);
            }
            for (; i < n; i++) dst[i] = (ushort)(u[i] ^ 0x8000);
            return;
        }
        if (!s.IsIdentity)
        {
            // General scaling: compute in double and round once (as CFITSIO does; astropy's float32
            // arithmetic rounds twice and can be off by one unit in the last place).
            for (; i < n; i++) dst[i] = (float)(src[i] * s.BScale + s.BZero);
            return;
        }
        var ws = Vector<short>.Count;
        for (; i <= n - ws; i += ws)
        {
            Vector.Widen(new Vector<short>(src[i..]), out var lo, out var hi);
            Vector.ConvertToSingle(lo).CopyTo(dst[i..]);
            Vector.ConvertToSingle(hi).CopyTo(dst[(i + Vector<int>.Count)..]);
        }
        for (; i < n; i++) dst[i] = src[i];
    }

    private static void Int32(ReadOnlySpan<int> src, in PixelScaling s, Span<float> dst)
    {
        var i = 0;
        var n = dst.Length;
        if (s.Blank is null && (s.IsIdentity || s.IsUnsigned32))
        {
            var w = Vector<int>.Count;
            if (s.IsIdentity)
            {
                for (; i <= n - w; i += w) Vector.ConvertToSingle(new Vector<int>(src[i..])).CopyTo(dst[i..]);
                for (; i < n; i++) dst[i] = src[i];
            }
            else
            {
                var u = MemoryMarshal.Cast<int, uint>(src);
                var flip = new Vector<uint>(0x8000_0000u);
                for (; i <= n - w; i += w) Vector.ConvertToSingle(new Vector<uint>(u[i..]) ^ flip).CopyTo(dst[i..]);
                for (; i < n; i++) dst[i] = u[i] ^ 0x8000_0000u;
            }
            return;
        }
        var blank = s.Blank;
        for (; i < n; i++) dst[i] = blank == src[i] ? float.NaN : (float)(src[i] * s.BScale + s.BZero);
    }

    private static void Int64(ReadOnlySpan<long> src, in PixelScaling s, Span<float> dst)
    {
        var blank = s.Blank;
        if (s.Bitpix == 64 && s.BScale == 1.0 && s.BZero == 9223372036854775808.0 && blank is null)
        {
            for (var i = 0; i < dst.Length; i++) dst[i] = (ulong)src[i] ^ 0x8000_0000_0000_0000ul;
            return;
        }
        for (var i = 0; i < dst.Length; i++) dst[i] = blank == src[i] ? float.NaN : (float)(src[i] * s.BScale + s.BZero);
    }

    private static void Float32(Span<int> swapped, in PixelScaling s, Span<float> dst)
    {
        var f = MemoryMarshal.Cast<int, float>(swapped);
        if (s.IsIdentity)
        {
            f.CopyTo(dst);
            return;
        }
        for (var i = 0; i < dst.Length; i++) dst[i] = (float)(f[i] * s.BScale + s.BZero);
    }

    private static void Float64(Span<long> swapped, in PixelScaling s, Span<float> dst)
    {
        var d = MemoryMarshal.Cast<long, double>(swapped);
        var i = 0;
        var n = dst.Length;
        if (s.IsIdentity)
        {
            var w = Vector<double>.Count;
            for (; i <= n - 2 * w; i += 2 * w)
                Vector.Narrow(new Vector<double>(d[i..]), new Vector<double>(d[(i + w)..])).CopyTo(dst[i..]);
            for (; i < n; i++) dst[i] = (float)d[i];
            return;
        }
        for (; i < n; i++) dst[i] = (float)(d[i] * s.BScale + s.BZero);
    }
}
