using System.Buffers;

namespace Parallax.Fits.Tables;

/// <summary>A variable-length (P/Q) column: a descriptor in each row, the arrays one after another in the heap from <c>heapStart</c>.</summary>
internal sealed class VariableColumnData<T> : ColumnData where T : unmanaged
{
    private readonly T[][] _arrays;
    private readonly ElementConversion _plan;
    private readonly int _elementSize;
    private readonly long[] _offsets;

    public VariableColumnData(TableColumn column, T[][] arrays, ElementConversion plan, long heapStart) : base(column)
    {
        _arrays = arrays;
        _plan = plan;
        _elementSize = ColumnFormat.SizeOf(column.Type);
        _offsets = new long[arrays.Length];
        var offset = heapStart;
        for (var r = 0; r < arrays.Length; r++)
        {
            _offsets[r] = offset;
            offset += (long)arrays[r].Length * _elementSize;
        }
        HeapBytes = offset - heapStart;
    }

    public override long HeapBytes { get; }

    public override void Encode(Span<byte> rows, int rowLength, long firstRow, int rowCount)
    {
        for (var r = 0; r < rowCount; r++)
        {
            var row = firstRow + r;
            ElementEncoder.WriteDescriptor(rows[(r * rowLength + (int)Column.ByteOffset)..], Column.Format.HasLongDescriptors, _arrays[row].Length, _offsets[row]);
        }
    }

    public override void WriteHeap(DataSink sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var perChunk = buffer.Length / _elementSize;
            foreach (var array in _arrays)
            {
                for (var i = 0; i < array.Length; i += perChunk)
                {
                    var n = Math.Min(perChunk, array.Length - i);
                    var bytes = buffer.AsSpan(0, n * _elementSize);
                    ElementEncoder.Encode<T>(array.AsSpan(i, n), Column.Type, _plan, bytes);
                    sink.Write(bytes);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
