using System.Text;

namespace Parallax.Fits.Tables;

/// <summary>A character (A) column: one string per row, padded with spaces to the column width.</summary>
internal sealed class TextColumnData(TableColumn column, string?[] values) : ColumnData(column)
{
    public override void Encode(Span<byte> rows, int rowLength, long firstRow, int rowCount)
    {
        var width = (int)Column.Width;
        for (var r = 0; r < rowCount; r++)
        {
            var field = rows.Slice(r * rowLength + (int)Column.ByteOffset, width);
            field.Fill((byte)' ');
            if (values[firstRow + r] is { } s) Encoding.ASCII.GetBytes(s, field);
        }
    }
}
