using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Tables;

/// <summary>Turns .NET values into the big-endian elements of a binary-table column (the inverse of <see cref="ElementDecoder"/>).</summary>
internal static class ElementEncoder
{
    /// <summary>The column type and conversion that store values of <paramref name="type"/> exactly, or null when FITS has none.</summary>
    public static (ColumnType Type, ElementConversion Plan)? For(Type type)
    {
        if (type == typeof(bool)) return (ColumnType.Logical, ElementConversion.Logical);
        if (type == typeof(byte)) return (ColumnType.Byte, ElementConversion.Raw);
        if (type == typeof(sbyte)) return (ColumnType.Byte, ElementConversion.FlipSign);
        if (type == typeof(short)) return (ColumnType.Int16, ElementConversion.Raw);
        if (type == typeof(ushort)) return (ColumnType.Int16, ElementConversion.FlipSign);
        if (type == typeof(int)) return (ColumnType.Int32, ElementConversion.Raw);
        if (type == typeof(uint)) return (ColumnType.Int32, ElementConversion.FlipSign);
        if (type == typeof(long)) return (ColumnType.Int64, ElementConversion.Raw);
        if (type == typeof(ulong)) return (ColumnType.Int64, ElementConversion.FlipSign);
        if (type == typeof(float)) return (ColumnType.Float32, ElementConversion.Raw);
        if (type == typeof(double)) return (ColumnType.Float64, ElementConversion.Raw);
        if (type == typeof(Complex)) return (ColumnType.Complex128, ElementConversion.Complex128);
        return null;
    }

    /// <summary>Encodes <paramref name="values"/> into <paramref name="destination"/> (values.Length × element size bytes).</summary>
    public static void Encode<T>(ReadOnlySpan<T> values, ColumnType type, ElementConversion plan, Span<byte> destination) where T : unmanaged
    {
        var source = MemoryMarshal.AsBytes(values);
        var bytes = destination[..source.Length];
        if (plan == ElementConversion.Logical)
        {
            for (var i = 0; i < source.Length; i++) bytes[i] = source[i] != 0 ? (byte)'T' : (byte)'F';
            return;
        }
        source.CopyTo(bytes);
        var size = plan == ElementConversion.Complex128 ? 8 : ColumnFormat.SizeOf(type);
        if (plan == ElementConversion.FlipSign)
        {
            // stored = value − TZERO: the sign bit flipped, in host order before the swap.
            switch (size)
            {
                case 1: ColumnBytes.FlipSignBits(bytes); break;
                case 2: ColumnBytes.FlipSignBits(MemoryMarshal.Cast<byte, ushort>(bytes)); break;
                case 4: ColumnBytes.FlipSignBits(MemoryMarshal.Cast<byte, uint>(bytes)); break;
                default: ColumnBytes.FlipSignBits(MemoryMarshal.Cast<byte, ulong>(bytes)); break;
            }
        }
        ColumnBytes.SwapInPlace(bytes, size);
    }

    /// <summary>Packs bits eight to a byte, most significant first, the unused low bits of the last byte zero.</summary>
    public static void PackBits(ReadOnlySpan<bool> bits, Span<byte> destination)
    {
        destination[..(int)ColumnFormat.ByteCount(ColumnType.Bit, bits.Length)].Clear();
        for (var k = 0; k < bits.Length; k++) if (bits[k]) destination[k >> 3] |= (byte)(0x80 >> (k & 7));
    }

    /// <summary>Writes a P (32-bit) or Q (64-bit) descriptor.</summary>
    public static void WriteDescriptor(Span<byte> field, bool wide, long count, long offset)
    {
        if (wide)
        {
            BinaryPrimitives.WriteInt64BigEndian(field, count);
            BinaryPrimitives.WriteInt64BigEndian(field[8..], offset);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(field, checked((int)count));
            BinaryPrimitives.WriteInt32BigEndian(field[4..], checked((int)offset));
        }
    }
}
