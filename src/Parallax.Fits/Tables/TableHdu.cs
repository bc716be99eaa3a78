using System.Buffers;
using System.Runtime.ExceptionServices;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits.Tables;

/// <summary>
/// What binary and ASCII tables share: NAXIS2 rows of NAXIS1 bytes, columns found by name, and
/// raw row reads. Column reads go through the table in chunks of whole rows (about 1 MiB each),
/// decoding every chunk in place, so a column costs one pass over the rows and never one read
/// per cell; large tables decode their chunks in parallel.
/// </summary>
public abstract class TableHdu : Hdu
{
    /// <summary>Bytes of rows read and decoded at a time.</summary>
    private protected const int ChunkBytes = 1 << 20;

    private readonly string[] _names;

    private protected TableHdu(Header header, HduLayout layout, FitsSource? source, int rowLength, long rowCount, string[] columnNames)
        : base(header, layout, source)
    {
        RowLength = rowLength;
        RowCount = rowCount;
        _names = columnNames;
    }

    /// <summary>Number of rows (NAXIS2).</summary>
    public long RowCount { get; }

    /// <summary>Bytes per row (NAXIS1).</summary>
    public int RowLength { get; }

    /// <summary>Number of columns (TFIELDS).</summary>
    public int ColumnCount => _names.Length;

    /// <summary>The column names (TTYPEn, trimmed; empty for an unnamed column), in column order.</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>The zero-based index of the first column with this name, compared case-insensitively and without surrounding spaces.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name; the message lists the columns.</exception>
    public int GetColumnIndex(string name)
        => TryGetColumnIndex(name, out var index) ? index
            : throw new KeyNotFoundException($"{Location}: the table has no column '{name}'; its columns are {string.Join(", ", _names.Select(n => $"'{n}'"))}");

    /// <summary>Finds a column by name (case-insensitive); false when there is none.</summary>
    public bool TryGetColumnIndex(string name, out int index)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim();
        index = Array.FindIndex(_names, n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
        return index >= 0;
    }

    /// <summary>Reads the raw bytes of rows <paramref name="firstRow"/> .. firstRow + rowCount − 1 as stored (big-endian).</summary>
    /// <param name="firstRow">Zero-based first row.</param>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="destination">At least rowCount × <see cref="RowLength"/> bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rows lie outside the table, or the destination is too small.</exception>
    /// <exception cref="FitsFormatException">The file is truncated.</exception>
    public void ReadRowBytes(long firstRow, int rowCount, Span<byte> destination)
    {
        CheckRows(firstRow, rowCount);
        var bytes = (long)rowCount * RowLength;
        if (destination.Length < bytes) throw new ArgumentOutOfRangeException(nameof(destination), $"{rowCount} rows need {bytes} bytes; the destination holds {destination.Length}");
        ReadDataBytes(firstRow * RowLength, destination[..(int)bytes]);
    }

    /// <summary>Throws unless rows firstRow .. firstRow + rowCount − 1 exist.</summary>
    private protected void CheckRows(long firstRow, long rowCount)
    {
        if (firstRow < 0 || rowCount < 0 || firstRow > RowCount - rowCount)
            throw new ArgumentOutOfRangeException(nameof(firstRow), $"rows {firstRow}..{firstRow + rowCount - 1} lie outside the table's {RowCount} rows");
    }

    /// <summary>Resolves an optional row count to the rows from <paramref name="firstRow"/> to the end, checking the range and that it fits one array.</summary>
    private protected int ResolveRows(long firstRow, int? rowCount)
    {
        var n = rowCount ?? RowCount - firstRow;
        CheckRows(firstRow, n);
        if (n > Array.MaxLength) throw FitsFormatException.At(Location, $"{n:N0} rows do not fit in one array; read the column in row ranges");
        // Fail before allocating the result when a truncated file cannot hold the rows asked for.
        var end = (firstRow + n) * RowLength;
        if (Source is { } source && DataOffset + end > source.Length)
            throw FitsFormatException.At(Location, $"data unit is truncated: rows {firstRow + 1}..{firstRow + n} need bytes up to {DataOffset + end:N0} but the file is {source.Length:N0} bytes long");
        return (int)n;
    }

    /// <summary>Called with a chunk of consecutive rows: their bytes, the index of the chunk's first row relative to the range read, and the row count.</summary>
    private protected delegate void RowChunkAction(ReadOnlySpan<byte> rows, int firstRowInRange, int rowCount);

    /// <summary>
    /// Reads rows firstRow .. firstRow + rowCount − 1 chunk by chunk and hands each chunk to
    /// <paramref name="action"/>. Chunks may be handled in parallel (positional reads make that safe),
    /// so the action must only write to the part of its output that belongs to its rows.
    /// </summary>
    private protected void ForEachRowChunk(long firstRow, int rowCount, RowChunkAction action)
    {
        if (rowCount == 0 || RowLength == 0) return;
        var rowsPerChunk = Math.Max(1, ChunkBytes / RowLength);
        var chunks = (rowCount + rowsPerChunk - 1) / rowsPerChunk;
        void Work(int c)
        {
            var start = c * rowsPerChunk;
            var n = Math.Min(rowsPerChunk, rowCount - start);
            var buffer = ArrayPool<byte>.Shared.Rent(n * RowLength);
            try
            {
                var bytes = buffer.AsSpan(0, n * RowLength);
                ReadDataBytes((firstRow + start) * RowLength, bytes);
                action(bytes, start, n);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        if (chunks <= 2)
        {
            for (var c = 0; c < chunks; c++) Work(c);
            return;
        }
        try
        {
            Parallel.For(0, chunks, Work);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Surface the first real error (a FitsFormatException naming row and column) rather than the wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
