using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Tables;

/// <summary>
/// Turns contiguous big-endian column elements into .NET values: the exact typed values of
/// <see cref="BinaryTableHdu.ReadColumn{T}"/> and the scaled doubles of <see cref="BinaryTableHdu.ReadDoubles"/>.
/// </summary>
internal static class ElementDecoder
{
    /// <summary>Which conversion gives <paramref name="requested"/> values for a column, or null when that type does not fit the column.</summary>
    public static ElementConversion? Plan(TableColumn c, Type requested)
    {
        var unsigned = c.IsUnsignedConvention;
        return c.Type switch
        {
            ColumnType.Logical when requested == typeof(bool) => ElementConversion.Logical,
            ColumnType.Bit when requested == typeof(bool) => ElementConversion.Bits,
            ColumnType.Byte or ColumnType.Char when requested == typeof(byte) => ElementConversion.Raw,
            ColumnType.Byte when unsigned && requested == typeof(sbyte) => ElementConversion.FlipSign,
            ColumnType.Int16 when requested == typeof(short) => ElementConversion.Raw,
            ColumnType.Int16 when unsigned && requested == typeof(ushort) => ElementConversion.FlipSign,
            ColumnType.Int32 when requested == typeof(int) => ElementConversion.Raw,
            ColumnType.Int32 when unsigned && requested == typeof(uint) => ElementConversion.FlipSign,
            ColumnType.Int64 when requested == typeof(long) => ElementConversion.Raw,
            ColumnType.Int64 when unsigned && requested == typeof(ulong) => ElementConversion.FlipSign,
            ColumnType.Float32 when requested == typeof(float) => ElementConversion.Raw,
            ColumnType.Float64 when requested == typeof(double) => ElementConversion.Raw,
            ColumnType.Complex64 when requested == typeof(Complex) => ElementConversion.Complex64,
            ColumnType.Complex128 when requested == typeof(Complex) => ElementConversion.Complex128,
            _ => null,
        };
    }

    /// <summary>
    /// Decodes <paramref name="count"/> elements. For every conversion but C and X the source and destination
    /// may be the same memory (the bytes are then fixed up in place); otherwise <paramref name="source"/> is left unchanged.
    /// </summary>
    public static void Decode<T>(ElementConversion plan, ColumnType type, Span<byte> source, Span<T> destination, int count) where T : unmanaged
    {
        switch (plan)
        {
            case ElementConversion.Bits:
                DecodeBits(source, MemoryMarshal.Cast<T, bool>(destination)[..count]);
                return;
            case ElementConversion.Complex64:
                var complex = MemoryMarshal.Cast<T, Complex>(destination);
                for (var i = 0; i < count; i++)
                    complex[i] = new Complex(BinaryPrimitives.ReadSingleBigEndian(source[(8 * i)..]), BinaryPrimitives.ReadSingleBigEndian(source[(8 * i + 4)..]));
                return;
        }
        var size = ColumnFormat.SizeOf(type);
        var bytes = MemoryMarshal.AsBytes(destination[..count]);
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(bytes))) source[..bytes.Length].CopyTo(bytes);
        switch (plan)
        {
            case ElementConversion.Logical:
                // bool must be exactly 0 or 1 in memory.
                for (var i = 0; i < bytes.Length; i++) bytes[i] = bytes[i] == (byte)'T' ? (byte)1 : (byte)0;
                return;
            case ElementConversion.Complex128:
                ColumnBytes.SwapInPlace(bytes, 8);
                return;
        }
        ColumnBytes.SwapInPlace(bytes, size);
        if (plan != ElementConversion.FlipSign) return;
        switch (size)
        {
            case 1: ColumnBytes.FlipSignBits(bytes); break;
            case 2: ColumnBytes.FlipSignBits(MemoryMarshal.Cast<byte, ushort>(bytes)); break;
            case 4: ColumnBytes.FlipSignBits(MemoryMarshal.Cast<byte, uint>(bytes)); break;
            default: ColumnBytes.FlipSignBits(MemoryMarshal.Cast<byte, ulong>(bytes)); break;
        }
    }

    /// <summary>Unpacks bits, most significant bit of each byte first.</summary>
    public static void DecodeBits(ReadOnlySpan<byte> packed, Span<bool> destination)
    {
        for (var k = 0; k < destination.Length; k++) destination[k] = (packed[k >> 3] & (0x80 >> (k & 7))) != 0;
    }

    /// <summary>
    /// Converts <paramref name="count"/> big-endian numeric elements (B, I, J, K, E, D) to physical doubles:
    /// stored × TSCAL + TZERO, in double precision (the order astropy uses), with a stored integer equal to
    /// TNULL giving NaN. The unsigned conventions convert exactly. <paramref name="source"/> is swapped in place.
    /// </summary>
    public static void ToDoubles(TableColumn c, Span<byte> source, Span<double> destination, int count)
    {
        var size = ColumnFormat.SizeOf(c.Type);
        var bytes = source[..(count * size)];
        ColumnBytes.SwapInPlace(bytes, size);
        var dst = destination[..count];
        double scale = c.Scale, zero = c.Zero;
        var nul = c.Null;
        switch (c.Type)
        {
            case ColumnType.Byte: Integers<byte>(bytes, dst, scale, zero, nul); break;
            case ColumnType.Int16: Integers<short>(MemoryMarshal.Cast<byte, short>(bytes), dst, scale, zero, nul); break;
            case ColumnType.Int32: Integers<int>(MemoryMarshal.Cast<byte, int>(bytes), dst, scale, zero, nul); break;
            case ColumnType.Int64 when c.IsUnsignedConvention:
                var u = MemoryMarshal.Cast<byte, long>(bytes);
                // (double)(ulong) rounds once; stored + 2^63 in double would round twice.
                for (var i = 0; i < dst.Length; i++) dst[i] = u[i] == nul ? double.NaN : (ulong)u[i] ^ 0x8000_0000_0000_0000ul;
                break;
            case ColumnType.Int64: Integers<long>(MemoryMarshal.Cast<byte, long>(bytes), dst, scale, zero, nul); break;
            case ColumnType.Float32:
                var f = MemoryMarshal.Cast<byte, float>(bytes);
                if (scale == 1.0 && zero == 0.0) for (var i = 0; i < dst.Length; i++) dst[i] = f[i];
                else for (var i = 0; i < dst.Length; i++) dst[i] = f[i] * scale + zero;
                break;
            case ColumnType.Float64:
                var d = MemoryMarshal.Cast<byte, double>(bytes);
                if (scale == 1.0 && zero == 0.0) d.CopyTo(dst);
                else for (var i = 0; i < dst.Length; i++) dst[i] = d[i] * scale + zero;
                break;
            default:
                throw new ArgumentException($"column {c} is not numeric");
        }
    }

    private static void Integers<T>(ReadOnlySpan<T> stored, Span<double> dst, double scale, double zero, long? nul) where T : unmanaged, IBinaryInteger<T>
    {
        var identity = scale == 1.0 && zero == 0.0;
        // A TNULL outside the stored type's range matches no value; otherwise compare in the stored type.
        var blank = nul is { } n ? T.CreateTruncating(n) : T.Zero;
        var hasNull = nul is { } m && long.CreateTruncating(blank) == m;
        if (!hasNull)
        {
            if (identity) for (var i = 0; i < dst.Length; i++) dst[i] = double.CreateTruncating(stored[i]);
            else for (var i = 0; i < dst.Length; i++) dst[i] = double.CreateTruncating(stored[i]) * scale + zero;
            return;
        }
        if (identity) for (var i = 0; i < dst.Length; i++) dst[i] = stored[i] == blank ? double.NaN : double.CreateTruncating(stored[i]);
        else for (var i = 0; i < dst.Length; i++) dst[i] = stored[i] == blank ? double.NaN : double.CreateTruncating(stored[i]) * scale + zero;
    }
}
