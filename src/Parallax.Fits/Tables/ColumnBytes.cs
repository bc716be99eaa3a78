using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parallax.Fits.Tables;

/// <summary>
/// Kernels that move one column's bytes between row-interleaved storage and a contiguous span,
/// and turn big-endian elements into host order (and back). Fixed small widths get their own
/// loops because a general copy per row would dominate the cost of narrow columns.
/// </summary>
internal static class ColumnBytes
{
    /// <summary>Copies <paramref name="width"/> bytes at <paramref name="offset"/> of each of <paramref name="rowCount"/> rows into <paramref name="destination"/>, back to back.</summary>
    public static void Gather(ReadOnlySpan<byte> rows, int rowLength, int offset, int width, int rowCount, Span<byte> destination)
    {
        if (width == 0 || rowCount == 0) return;
        if ((long)(rowCount - 1) * rowLength + offset + width > rows.Length || (long)rowCount * width > destination.Length)
            throw new ArgumentException("rows or destination too short for the column gather");
        ref var src = ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), offset);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        switch (width)
        {
            case 1:
                for (var r = 0; r < rowCount; r++) Unsafe.Add(ref dst, r) = Unsafe.Add(ref src, r * rowLength);
                break;
            case 2:
                for (var r = 0; r < rowCount; r++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, r * 2), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref src, r * rowLength)));
                break;
            case 4:
                for (var r = 0; r < rowCount; r++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, r * 4), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref src, r * rowLength)));
                break;
            case 8:
                for (var r = 0; r < rowCount; r++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, r * 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, r * rowLength)));
                break;
            default:
                for (var r = 0; r < rowCount; r++) rows.Slice(r * rowLength + offset, width).CopyTo(destination.Slice(r * width, width));
                break;
        }
    }

    /// <summary>The inverse of <see cref="Gather"/>: spreads back-to-back fields into each row at <paramref name="offset"/>.</summary>
    public static void Scatter(ReadOnlySpan<byte> source, int width, int rowCount, Span<byte> rows, int rowLength, int offset)
    {
        if (width == 0 || rowCount == 0) return;
        if ((long)(rowCount - 1) * rowLength + offset + width > rows.Length || (long)rowCount * width > source.Length)
            throw new ArgumentException("rows or source too short for the column scatter");
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), offset);
        switch (width)
        {
            case 1:
                for (var r = 0; r < rowCount; r++) Unsafe.Add(ref dst, r * rowLength) = Unsafe.Add(ref src, r);
                break;
            case 2:
                for (var r = 0; r < rowCount; r++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, r * rowLength), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref src, r * 2)));
                break;
            case 4:
                for (var r = 0; r < rowCount; r++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, r * rowLength), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref src, r * 4)));
                break;
            case 8:
                for (var r = 0; r < rowCount; r++) Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, r * rowLength), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, r * 8)));
                break;
            default:
                for (var r = 0; r < rowCount; r++) source.Slice(r * width, width).CopyTo(rows.Slice(r * rowLength + offset, width));
                break;
        }
    }

    /// <summary>Swaps big-endian elements of <paramref name="elementSize"/> bytes (1, 2, 4 or 8) to host order in place, or back (the swap is its own inverse).</summary>
    public static void SwapInPlace(Span<byte> bytes, int elementSize)
    {
        if (!BitConverter.IsLittleEndian) return;
        switch (elementSize)
        {
            case 2:
                var s = MemoryMarshal.Cast<byte, short>(bytes);
                BinaryPrimitives.ReverseEndianness(s, s);
                break;
            case 4:
                var i = MemoryMarshal.Cast<byte, int>(bytes);
                BinaryPrimitives.ReverseEndianness(i, i);
                break;
            case 8:
                var l = MemoryMarshal.Cast<byte, long>(bytes);
                BinaryPrimitives.ReverseEndianness(l, l);
                break;
        }
    }

    /// <summary>Flips the sign bit of every element: turns stored signed integers into the unsigned-convention values (stored − TZERO), and back.</summary>
    public static void FlipSignBits<T>(Span<T> values) where T : unmanaged, IBinaryInteger<T>
    {
        var sign = T.One << (Unsafe.SizeOf<T>() * 8 - 1);
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var mask = new Vector<T>(sign);
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            for (var v = 0; v < vectors.Length; v++) vectors[v] ^= mask;
            i = vectors.Length * Vector<T>.Count;
        }
        for (; i < values.Length; i++) values[i] ^= sign;
    }
}
