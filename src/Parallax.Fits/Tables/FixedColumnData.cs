using System.Buffers;

namespace Parallax.Fits.Tables;

/// <summary>A fixed-width numeric, logical or complex column: <c>repeat</c> values per row from a flat array.</summary>
internal sealed class FixedColumnData<T>(TableColumn column, T[] values, ElementConversion plan) : ColumnData(column) where T : unmanaged
{
    public override void Encode(Span<byte> rows, int rowLength, long firstRow, int rowCount)
    {
        var repeat = Column.Repeat;
        var width = (int)Column.Width;
        if (width == 0) return;
        var buffer = ArrayPool<byte>.Shared.Rent(rowCount * width);
        try
        {
            var encoded = buffer.AsSpan(0, rowCount * width);
            ElementEncoder.Encode<T>(values.AsSpan((int)(firstRow * repeat), rowCount * repeat), Column.Type, plan, encoded);
            ColumnBytes.Scatter(encoded, width, rowCount, rows, rowLength, (int)Column.ByteOffset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
