using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits.Tables;

/// <summary>
/// A binary table (XTENSION = 'BINTABLE', FITS 4.0 section 7.3). Columns are read whole (or for a
/// range of rows) into flat arrays: a column of repeat r gives r values per row, row after row.
/// Typed reads (<see cref="ReadColumn{T}"/>) return exact stored values, or the unsigned values of
/// the TZERO conventions; <see cref="ReadDoubles"/> returns physical values with TSCAL/TZERO applied
/// and TNULL as NaN. Variable-length (P/Q) columns are read from the heap as jagged arrays, every
/// descriptor checked against the heap first. Reads are positional and thread-safe.
/// </summary>
public sealed partial class BinaryTableHdu : TableHdu
{
    private readonly TableColumn[] _columns;

    private BinaryTableHdu(Header header, HduLayout layout, FitsSource? source, BinaryTableHeader structure)
        : base(header, layout, source, structure.RowLength, structure.RowCount, [.. structure.Columns.Select(c => c.Name)])
    {
        _columns = structure.Columns;
        HeapOffset = structure.HeapOffset;
        HeapSize = structure.HeapSize;
    }

    /// <summary>Reads the table structure from a BINTABLE header.</summary>
    /// <exception cref="FitsFormatException">The header cannot describe its rows (bad TFORMn, widths that do not add up to NAXIS1, THEAP outside the data unit).</exception>
    internal static BinaryTableHdu Create(Header header, HduLayout layout, FitsSource? source, FitsReadOptions options, ICollection<string> warnings)
        => new(header, layout, source, BinaryTableHeader.Read(header, options, warnings));

    /// <inheritdoc/>
    public override HduKind Kind => HduKind.BinaryTable;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>The first column with this name (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public TableColumn GetColumn(string name) => _columns[GetColumnIndex(name)];

    /// <summary>Byte offset of the heap from the start of the data unit (THEAP; NAXIS1 × NAXIS2 when absent).</summary>
    public long HeapOffset { get; }

    /// <summary>Bytes from the start of the heap to the end of the data unit.</summary>
    public long HeapSize { get; }

    /// <summary>
    /// Reads a fixed-width column as exact values of type <typeparamref name="T"/>, flat: a column of repeat r
    /// gives r values per row, row after row (TDIM, when given, shapes each row's r values, first axis fastest).
    /// <typeparamref name="T"/> is the stored type (bool for L and X, byte for B and A, short for I, int for J,
    /// long for K, float for E, double for D, <see cref="Complex"/> for C and M), or, where TSCAL = 1 and TZERO is
    /// the unsigned offset, ushort (I), uint (J), ulong (K) or sbyte (B): then the values are the physical ones, exact.
    /// Otherwise TSCAL, TZERO and TNULL are not applied: <see cref="ReadDoubles"/> applies them.
    /// </summary>
    /// <param name="column">Zero-based column index.</param>
    /// <param name="firstRow">Zero-based first row.</param>
    /// <param name="rowCount">Rows to read; null for every row from <paramref name="firstRow"/> on.</param>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> does not fit the column, or the column is variable-length (use <see cref="ReadArrays{T}"/>).</exception>
    /// <exception cref="FitsFormatException">The data unit is truncated.</exception>
    public T[] ReadColumn<T>(int column, long firstRow = 0, int? rowCount = null) where T : unmanaged
    {
        var c = FixedColumn(column);
        var plan = PlanFor<T>(c);
        var rows = ResolveRows(firstRow, rowCount);
        var repeat = c.Repeat;
        // Every element is written below, so the array need not be zeroed first.
        var result = GC.AllocateUninitializedArray<T>(ElementCount(rows, repeat));
        if (result.Length == 0) return result;
        var width = (int)c.Width;
        var offset = (int)c.ByteOffset;
        var inPlace = plan is not (ElementConversion.Bits or ElementConversion.Complex64);
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
        {
            var destination = result.AsSpan(start * repeat, count * repeat);
            if (inPlace)
            {
                // Gather straight into the result and fix the bytes up there: no intermediate copy.
                var target = MemoryMarshal.AsBytes(destination);
                ColumnBytes.Gather(bytes, RowLength, offset, width, count, target);
                ElementDecoder.Decode(plan, c.Type, target, destination, destination.Length);
                return;
            }
            var scratch = ArrayPool<byte>.Shared.Rent(count * width);
            try
            {
                var gathered = scratch.AsSpan(0, count * width);
                ColumnBytes.Gather(bytes, RowLength, offset, width, count, gathered);
                if (plan == ElementConversion.Bits)
                {
                    var bits = MemoryMarshal.Cast<T, bool>(destination);
                    for (var r = 0; r < count; r++) ElementDecoder.DecodeBits(gathered.Slice(r * width, width), bits.Slice(r * repeat, repeat));
                }
                else ElementDecoder.Decode(plan, c.Type, gathered, destination, destination.Length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        });
        return result;
    }

    /// <summary>
    /// Reads a numeric column (B, I, J, K, E, D) as physical values, flat (repeat values per row): stored × TSCAL + TZERO
    /// in double precision, with a stored integer equal to TNULL giving NaN (stored NaN floats stay NaN).
    /// </summary>
    /// <exception cref="ArgumentException">The column is not numeric, or is variable-length (use <see cref="ReadDoubleArrays"/>).</exception>
    /// <exception cref="FitsFormatException">The data unit is truncated.</exception>
    public double[] ReadDoubles(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = FixedColumn(column);
        RequireNumeric(c);
        var rows = ResolveRows(firstRow, rowCount);
        var repeat = c.Repeat;
        var result = GC.AllocateUninitializedArray<double>(ElementCount(rows, repeat));
        if (result.Length == 0) return result;
        var width = (int)c.Width;
        var offset = (int)c.ByteOffset;
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
        {
            var scratch = ArrayPool<byte>.Shared.Rent(count * width);
            try
            {
                var gathered = scratch.AsSpan(0, count * width);
                ColumnBytes.Gather(bytes, RowLength, offset, width, count, gathered);
                ElementDecoder.ToDoubles(c, gathered, result.AsSpan(start * repeat, count * repeat), count * repeat);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        });
        return result;
    }

    /// <summary>
    /// Reads a column as one array per row: for a fixed-width column each row's <see cref="TableColumn.Repeat"/> values
    /// (as <see cref="ReadColumn{T}"/>); for a P/Q column each row's variable-length array from the heap.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> does not fit the column.</exception>
    /// <exception cref="FitsFormatException">A descriptor points outside the heap, or the data unit is truncated.</exception>
    public T[][] ReadArrays<T>(int column, long firstRow = 0, int? rowCount = null) where T : unmanaged
    {
        var c = ColumnAt(column);
        if (c.IsVariableLength) return ReadHeapArrays<T>(c, firstRow, rowCount);
        return Split(ReadColumn<T>(column, firstRow, rowCount), c.Repeat, ResolveRows(firstRow, rowCount));
    }

    /// <summary>Reads a numeric column as physical values (as <see cref="ReadDoubles"/>), one array per row; P/Q columns come from the heap.</summary>
    /// <exception cref="ArgumentException">The column is not numeric.</exception>
    /// <exception cref="FitsFormatException">A descriptor points outside the heap, or the data unit is truncated.</exception>
    public double[][] ReadDoubleArrays(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = ColumnAt(column);
        if (c.IsVariableLength) return ReadHeapDoubles(c, firstRow, rowCount);
        return Split(ReadDoubles(column, firstRow, rowCount), c.Repeat, ResolveRows(firstRow, rowCount));
    }

    /// <summary>
    /// Reads a character column (A, or PA/QA from the heap) as one string per row. A string ends at the first NUL
    /// (FITS 4.0 section 7.3.3.1); trailing spaces are removed, leading ones kept. Bytes are read as Latin-1.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not a character column.</exception>
    public string[] ReadStrings(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = ColumnAt(column);
        if (c.Type != ColumnType.Char) throw new ArgumentException($"{Describe(c)} holds {c.Type} values, not characters", nameof(column));
        if (c.IsVariableLength) return [.. ReadHeapArrays<byte>(c, firstRow, rowCount).Select(b => Text(b))];
        var rows = ResolveRows(firstRow, rowCount);
        var width = (int)c.Width;
        var result = new string[rows];
        if (width == 0) Array.Fill(result, "");
        var offset = (int)c.ByteOffset;
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
        {
            for (var r = 0; r < count; r++) result[start + r] = Text(bytes.Slice(r * RowLength + offset, width));
        });
        return result;
    }

    /// <summary>
    /// Reads a character column whose TDIMn splits each row into several strings (e.g. TFORM '12A' with TDIM '(4,3)':
    /// three strings of 4 characters). Without TDIM (or for P/Q columns) each row gives one string.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not a character column.</exception>
    public string[][] ReadStringArrays(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = ColumnAt(column);
        if (c.Type != ColumnType.Char) throw new ArgumentException($"{Describe(c)} holds {c.Type} values, not characters", nameof(column));
        if (c.IsVariableLength || c.Dims is not { Count: > 0 } dims || dims[0] == 0 || dims[0] >= c.Repeat)
            return [.. ReadStrings(column, firstRow, rowCount).Select(s => new[] { s })];
        var rows = ResolveRows(firstRow, rowCount);
        var bytes = ReadFieldBytes(c, firstRow, rows);
        var length = dims[0];
        var perRow = c.Repeat / length;
        var result = new string[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = new string[perRow];
            for (var k = 0; k < perRow; k++) result[r][k] = Text(bytes.AsSpan(r * c.Repeat + k * length, length));
        }
        return result;
    }

    /// <summary>Reads a logical (L) column with its three states: 'T' true, 'F' false, and 0 (or any other byte) null, meaning undefined.</summary>
    /// <exception cref="ArgumentException">The column is not a fixed-width L column.</exception>
    public bool?[] ReadLogicals(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = FixedColumn(column);
        if (c.Type != ColumnType.Logical) throw new ArgumentException($"{Describe(c)} is not a logical (L) column", nameof(column));
        var raw = ReadFieldBytes(c, firstRow, ResolveRows(firstRow, rowCount));
        var result = new bool?[raw.Length];
        for (var i = 0; i < raw.Length; i++) result[i] = raw[i] switch { (byte)'T' => true, (byte)'F' => false, _ => null };
        return result;
    }

    /// <summary>The column's bytes as stored, row after row (for L and A columns, whose bytes are the values).</summary>
    private byte[] ReadFieldBytes(TableColumn c, long firstRow, int rows)
    {
        var width = (int)c.Width;
        var offset = (int)c.ByteOffset;
        var result = new byte[ElementCount(rows, width)];
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
            ColumnBytes.Gather(bytes, RowLength, offset, width, count, result.AsSpan(start * width, count * width)));
        return result;
    }

    private TableColumn ColumnAt(int column)
        => (uint)column < (uint)_columns.Length ? _columns[column]
            : throw new ArgumentOutOfRangeException(nameof(column), $"column {column} does not exist; the table has {_columns.Length} columns (0..{_columns.Length - 1})");

    private TableColumn FixedColumn(int column)
    {
        var c = ColumnAt(column);
        if (c.IsVariableLength) throw new ArgumentException($"{Describe(c)} holds variable-length arrays; read it with ReadArrays or ReadDoubleArrays", nameof(column));
        return c;
    }

    private ElementConversion PlanFor<T>(TableColumn c)
        => ElementDecoder.Plan(c, typeof(T))
            ?? throw new ArgumentException($"{Describe(c)} cannot be read as {typeof(T).Name}: its values are {c.ElementType.Name}" +
                (c.IsScaled && !c.IsUnsignedConvention ? " (stored; ReadDoubles applies TSCAL/TZERO)" : ""), nameof(T));

    private void RequireNumeric(TableColumn c)
    {
        if (c.Type is not (ColumnType.Byte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float32 or ColumnType.Float64))
            throw new ArgumentException($"{Describe(c)} is not numeric; read it with ReadColumn<{c.ElementType.Name}>", "column");
    }

    private int ElementCount(int rows, int repeat)
    {
        var n = (long)rows * repeat;
        return n <= Array.MaxLength ? (int)n : throw FitsFormatException.At(Location, $"{n:N0} values do not fit in one array; read the column in row ranges");
    }

    private string Describe(TableColumn c) => $"{Location}: column {c.Index} '{c.Name}' ({c.FormKeyword} = '{c.Format}')";

    private static T[][] Split<T>(T[] flat, int repeat, int rows)
    {
        var result = new T[rows][];
        for (var r = 0; r < result.Length; r++) result[r] = flat.AsSpan(r * repeat, repeat).ToArray();
        return result;
    }

    private static string Text(ReadOnlySpan<byte> field)
    {
        var nul = field.IndexOf((byte)0);
        if (nul >= 0) field = field[..nul];
        return Encoding.Latin1.GetString(field.TrimEnd((byte)' '));
    }
}
