namespace Parallax.Fits.Tables;

/// <summary>A bit (X) column: <c>repeat</c> bits per row from a flat bool array, packed most significant bit first.</summary>
internal sealed class BitColumnData(TableColumn column, bool[] bits) : ColumnData(column)
{
    public override void Encode(Span<byte> rows, int rowLength, long firstRow, int rowCount)
    {
        var repeat = Column.Repeat;
        for (var r = 0; r < rowCount; r++)
            ElementEncoder.PackBits(bits.AsSpan((int)((firstRow + r) * repeat), repeat), rows.Slice(r * rowLength + (int)Column.ByteOffset, (int)Column.Width));
    }
}
