using System.Buffers;
using System.Buffers.Binary;

namespace Parallax.Fits.Tables;

/// <summary>Variable-length arrays (P and Q columns) and raw heap access.</summary>
public sealed partial class BinaryTableHdu
{
    /// <summary>
    /// Reads the array descriptors of a P/Q column, each checked against the heap: a negative count or offset,
    /// or an array that would run past the end of the heap, throws <see cref="FitsFormatException"/> naming the row and column.
    /// (A zero-length array may have any offset.)
    /// </summary>
    /// <exception cref="ArgumentException">The column is not variable-length.</exception>
    public ArrayDescriptor[] ReadDescriptors(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = ColumnAt(column);
        if (!c.IsVariableLength) throw new ArgumentException($"{Describe(c)} is not a variable-length (P/Q) column", nameof(column));
        var rows = ResolveRows(firstRow, rowCount);
        var result = new ArrayDescriptor[rows];
        if (c.Repeat == 0) return result;
        var offset = (int)c.ByteOffset;
        var wide = c.Format.HasLongDescriptors;
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
        {
            for (var r = 0; r < count; r++)
            {
                var field = bytes[(r * RowLength + offset)..];
                var d = wide
                    ? new ArrayDescriptor(BinaryPrimitives.ReadInt64BigEndian(field), BinaryPrimitives.ReadInt64BigEndian(field[8..]))
                    // P descriptors are read unsigned, as CFITSIO does, so heaps of 2 to 4 GiB stay readable.
                    : new ArrayDescriptor(BinaryPrimitives.ReadUInt32BigEndian(field), BinaryPrimitives.ReadUInt32BigEndian(field[4..]));
                CheckDescriptor(c, firstRow + start + r, d);
                result[start + r] = d;
            }
        });
        return result;
    }

    /// <summary>Reads heap bytes as stored (big-endian), <paramref name="offset"/> counted from the start of the heap.</summary>
    /// <exception cref="FitsFormatException">The range lies outside the heap (offsets come from the file, so this is a file problem), or the file is truncated.</exception>
    public void ReadHeap(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > HeapSize - destination.Length)
            throw FitsFormatException.At(Location, $"heap bytes {offset:N0}..{offset + destination.Length:N0} lie outside the {HeapSize:N0}-byte heap");
        ReadDataBytes(HeapOffset + offset, destination);
    }

    private void CheckDescriptor(TableColumn c, long row, ArrayDescriptor d)
    {
        if (d.Count == 0) return;
        var available = HeapSize - d.Offset;
        var fits = d.Count > 0 && d.Offset >= 0 && available >= 0 &&
            (c.Type == ColumnType.Bit ? (d.Count + 7) / 8 <= available : d.Count <= available / c.Format.ElementSize);
        if (!fits)
            throw FitsFormatException.At(Location,
                $"row {row + 1} of column {c.Index + 1} '{c.Name}' ({c.Format}): array descriptor (count {d.Count:N0}, offset {d.Offset:N0}) points outside the {HeapSize:N0}-byte heap",
                c.FormKeyword, Header.IndexOf(c.FormKeyword) + 1);
    }

    private T[][] ReadHeapArrays<T>(TableColumn c, long firstRow, int? rowCount) where T : unmanaged
    {
        var plan = PlanFor<T>(c);
        var descriptors = ReadDescriptors(c.Index, firstRow, rowCount);
        var result = new T[descriptors.Length][];
        ForEachHeapArray(c, descriptors, (row, bytes) =>
        {
            var count = (int)descriptors[row].Count;
            var values = new T[count];
            if (plan == ElementConversion.Bits) ElementDecoder.DecodeBits(bytes, System.Runtime.InteropServices.MemoryMarshal.Cast<T, bool>(values.AsSpan()));
            else ElementDecoder.Decode(plan, c.Type, bytes, values.AsSpan(), count);
            result[row] = values;
        });
        return result;
    }

    private double[][] ReadHeapDoubles(TableColumn c, long firstRow, int? rowCount)
    {
        RequireNumeric(c);
        var descriptors = ReadDescriptors(c.Index, firstRow, rowCount);
        var result = new double[descriptors.Length][];
        ForEachHeapArray(c, descriptors, (row, bytes) =>
        {
            var count = (int)descriptors[row].Count;
            var values = new double[count];
            // ToDoubles swaps in place; the heap window may be shared by other rows, so work on a copy.
            var scratch = ArrayPool<byte>.Shared.Rent(bytes.Length);
            try
            {
                bytes.CopyTo(scratch);
                ElementDecoder.ToDoubles(c, scratch.AsSpan(0, bytes.Length), values, count);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
            result[row] = values;
        });
        return result;
    }

    private delegate void HeapArrayAction(int row, Span<byte> bytes);

    /// <summary>
    /// Hands every row's array bytes to <paramref name="action"/>, reading the heap in windows of at least
    /// 1 MiB in offset order, so that arrays written one after another (the usual case) cost one read per window.
    /// </summary>
    private void ForEachHeapArray(TableColumn c, ArrayDescriptor[] descriptors, HeapArrayAction action)
    {
        long total = 0;
        foreach (var d in descriptors) total += ColumnFormat.ByteCount(c.Type, d.Count);
        // Rows may legally share heap bytes, but not so wildly that a small heap expands past memory.
        if (total > Math.Max(4 * HeapSize, 1L << 28))
            throw FitsFormatException.At(Location, $"column {c.Index + 1} '{c.Name}': its descriptors claim {total:N0} bytes from a {HeapSize:N0}-byte heap", c.FormKeyword);
        var order = new int[descriptors.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (!IsSortedByOffset(descriptors))
        {
            var keys = descriptors.Select(d => d.Offset).ToArray();
            Array.Sort(keys, order);
        }
        byte[] window = [];
        long windowStart = 0, windowLength = 0;
        try
        {
            foreach (var row in order)
            {
                var d = descriptors[row];
                var bytes = ColumnFormat.ByteCount(c.Type, d.Count);
                if (bytes > Array.MaxLength)
                    throw FitsFormatException.At(Location, $"row {row + 1} of column {c.Index + 1} '{c.Name}': an array of {d.Count:N0} elements is larger than this reader supports", c.FormKeyword);
                var length = (int)bytes;
                if (length == 0)
                {
                    action(row, []);
                    continue;
                }
                if (d.Offset < windowStart || d.Offset + length > windowStart + windowLength)
                {
                    windowStart = d.Offset;
                    windowLength = Math.Min(Math.Max(ChunkBytes, length), HeapSize - d.Offset);
                    if (window.Length < windowLength)
                    {
                        if (window.Length > 0) ArrayPool<byte>.Shared.Return(window);
                        window = ArrayPool<byte>.Shared.Rent((int)windowLength);
                    }
                    ReadHeap(windowStart, window.AsSpan(0, (int)windowLength));
                }
                action(row, window.AsSpan((int)(d.Offset - windowStart), length));
            }
        }
        finally
        {
            if (window.Length > 0) ArrayPool<byte>.Shared.Return(window);
        }
    }

    private static bool IsSortedByOffset(ArrayDescriptor[] descriptors)
    {
        for (var i = 1; i < descriptors.Length; i++) if (descriptors[i].Offset < descriptors[i - 1].Offset) return false;
        return true;
    }
}
