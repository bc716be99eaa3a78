using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Compression;

/// <summary>
/// Converts between tile bytes, which FITS stores big-endian, and values. Uses the vectorised
/// span overloads of <see cref="BinaryPrimitives.ReverseEndianness(ReadOnlySpan{int}, Span{int})"/>.
/// </summary>
internal static class BigEndianValues
{
    /// <summary>Reads 16-bit values.</summary>
    public static void Read(ReadOnlySpan<byte> src, Span<short> dst) => Swap(MemoryMarshal.Cast<byte, short>(Take(src, dst.Length, 2)), dst);

    /// <summary>Reads 32-bit values.</summary>
    public static void Read(ReadOnlySpan<byte> src, Span<int> dst) => Swap(MemoryMarshal.Cast<byte, int>(Take(src, dst.Length, 4)), dst);

    /// <summary>Reads 64-bit values.</summary>
    public static void Read(ReadOnlySpan<byte> src, Span<long> dst) => Swap(MemoryMarshal.Cast<byte, long>(Take(src, dst.Length, 8)), dst);

    /// <summary>Reads IEEE single-precision values, keeping every bit (NaN payloads too).</summary>
    public static void Read(ReadOnlySpan<byte> src, Span<float> dst) => Read(src, MemoryMarshal.Cast<float, int>(dst));

    /// <summary>Reads IEEE double-precision values, keeping every bit.</summary>
    public static void Read(ReadOnlySpan<byte> src, Span<double> dst) => Read(src, MemoryMarshal.Cast<double, long>(dst));

    /// <summary>Writes 16-bit values.</summary>
    public static void Write(ReadOnlySpan<short> src, Span<byte> dst) => Swap(src, MemoryMarshal.Cast<byte, short>(Take(dst, src.Length, 2)));

    /// <summary>Writes 32-bit values.</summary>
    public static void Write(ReadOnlySpan<int> src, Span<byte> dst) => Swap(src, MemoryMarshal.Cast<byte, int>(Take(dst, src.Length, 4)));

    /// <summary>Writes 64-bit values.</summary>
    public static void Write(ReadOnlySpan<long> src, Span<byte> dst) => Swap(src, MemoryMarshal.Cast<byte, long>(Take(dst, src.Length, 8)));

    /// <summary>Writes IEEE single-precision values.</summary>
    public static void Write(ReadOnlySpan<float> src, Span<byte> dst) => Write(MemoryMarshal.Cast<float, int>(src), dst);

    /// <summary>Writes IEEE double-precision values.</summary>
    public static void Write(ReadOnlySpan<double> src, Span<byte> dst) => Write(MemoryMarshal.Cast<double, long>(src), dst);

    private static void Swap(ReadOnlySpan<short> src, Span<short> dst)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(src, dst);
        else src.CopyTo(dst);
    }

    private static void Swap(ReadOnlySpan<int> src, Span<int> dst)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(src, dst);
        else src.CopyTo(dst);
    }

    private static void Swap(ReadOnlySpan<long> src, Span<long> dst)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(src, dst);
        else src.CopyTo(dst);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, int count, int size)
    {
        if (bytes.Length < (long)count * size) throw new ArgumentException($"{bytes.Length} bytes hold fewer than {count} values of {size} bytes");
        return bytes[..(count * size)];
    }

    private static Span<byte> Take(Span<byte> bytes, int count, int size)
    {
        if (bytes.Length < (long)count * size) throw new ArgumentException($"{bytes.Length} bytes hold fewer than {count} values of {size} bytes");
        return bytes[..(count * size)];
    }
}
