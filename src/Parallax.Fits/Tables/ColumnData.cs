namespace Parallax.Fits.Tables;

/// <summary>A column being written: its descriptor and the data that fills its field in every row (and its heap arrays).</summary>
internal abstract class ColumnData(TableColumn column)
{
    /// <summary>The column as it will appear in the header.</summary>
    public TableColumn Column { get; } = column;

    /// <summary>Bytes this column adds to the heap.</summary>
    public virtual long HeapBytes => 0;

    /// <summary>Writes the column's field in rows firstRow .. firstRow + rowCount − 1 of <paramref name="rows"/> (which holds those rows).</summary>
    public abstract void Encode(Span<byte> rows, int rowLength, long firstRow, int rowCount);

    /// <summary>Writes the column's heap arrays (variable-length columns only).</summary>
    public virtual void WriteHeap(DataSink sink) { }
}
