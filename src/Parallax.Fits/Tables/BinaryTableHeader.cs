using Parallax.Fits.Headers;

namespace Parallax.Fits.Tables;

/// <summary>
/// The column layout of a BINTABLE header (FITS 4.0 section 7.3): every TFORMn parsed, widths
/// summed against NAXIS1, the heap located by THEAP and PCOUNT. A header that cannot describe
/// its rows throws <see cref="FitsFormatException"/> naming the keyword and card.
/// </summary>
internal sealed record BinaryTableHeader(TableColumn[] Columns, int RowLength, long RowCount, long HeapOffset, long HeapSize)
{
    public static BinaryTableHeader Read(Header header, FitsReadOptions options, ICollection<string> warnings)
    {
        var reader = new TableHeaderReader(header, options, warnings);
        var (rowLength, rowCount) = reader.Shape("binary table");
        var fields = reader.FieldCount();
        var columns = new TableColumn[fields];
        long offset = 0;
        for (var i = 0; i < fields; i++)
        {
            var n = i + 1;
            var formKey = $"TFORM{n}";
            var tform = reader.Text(formKey) ?? throw reader.Error(formKey, $"column {n} has no {formKey}, so the row layout is unknown");
            if (!ColumnFormat.TryParse(tform, out var format, out var why)) throw reader.Error(formKey, why!);
            if (offset + format.Width > rowLength)
                throw reader.Error(formKey, $"columns 1..{n} need {offset + format.Width:N0} bytes per row, more than NAXIS1 = {rowLength:N0}");
            columns[i] = ReadColumn(reader, i, format, offset);
            offset += format.Width;
        }
        if (offset != rowLength)
        {
            var key = fields > 0 ? $"TFORM{fields}" : "NAXIS1";
            throw reader.Error(key, $"the {fields} columns take {offset:N0} bytes per row but NAXIS1 = {rowLength:N0}; the TFORMn widths must add up to NAXIS1");
        }

        var mainBytes = checked(rowLength * rowCount);
        var pcount = header.GetInt64("PCOUNT", 0);
        var heapOffset = header.GetInt64("THEAP", mainBytes);
        if (heapOffset < mainBytes || heapOffset > mainBytes + pcount)
            throw reader.Error("THEAP", $"THEAP = {heapOffset:N0} puts the heap outside the data unit (rows end at byte {mainBytes:N0}, the data unit at {mainBytes + pcount:N0})");
        return new BinaryTableHeader(columns, rowLength, rowCount, heapOffset, mainBytes + pcount - heapOffset);
    }

    private static TableColumn ReadColumn(TableHeaderReader reader, int index, ColumnFormat format, long offset)
    {
        var n = index + 1;
        var header = reader.Header;
        var (scale, zero) = reader.Scaling(n);
        var type = format.Type;
        if ((scale != 1.0 || zero != 0.0) && type is ColumnType.Char or ColumnType.Logical or ColumnType.Bit)
        {
            reader.Problem(header.Contains($"TSCAL{n}") ? $"TSCAL{n}" : $"TZERO{n}", $"TSCAL/TZERO cannot apply to a {type} column ({format})");
            (scale, zero) = (1.0, 0.0);
        }
        long? nul = null;
        if (header.Contains($"TNULL{n}"))
        {
            if (type is ColumnType.Byte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64) nul = header.GetInt64($"TNULL{n}");
            else reader.Problem($"TNULL{n}", $"TNULL applies to integer columns only, not to a {type} column ({format})");
        }
        var dims = reader.Dims(n);
        if (dims is not null && !format.IsVariableLength)
        {
            var product = dims.Aggregate(1L, (a, b) => a * b);
            if (product > format.Repeat)
            {
                reader.Problem($"TDIM{n}", $"TDIM{n} holds {product} elements but the column has {format.Repeat} per row");
                dims = null;
            }
        }
        return new TableColumn(index, reader.Text($"TTYPE{n}") ?? "", format, offset)
        {
            Unit = reader.Text($"TUNIT{n}"),
            Scale = scale,
            Zero = zero,
            Null = nul,
            Dims = dims,
            Display = reader.Text($"TDISP{n}"),
        };
    }
}
