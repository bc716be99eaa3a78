namespace Parallax.Fits.Tables;

/// <summary>
/// A binary table to be written with <see cref="FitsWriter.WriteTable"/>: a row count and columns
/// added with their data. Each .NET type maps to the FITS type that holds it exactly: bool → L,
/// byte → B, sbyte → B with TZERO = −128, short → I, ushort → I with TZERO = 32768, int → J,
/// uint → J with TZERO = 2^31, long → K, ulong → K with TZERO = 2^63, float → E, double → D,
/// <see cref="System.Numerics.Complex"/> → M, string → A. The arrays are kept by reference, not
/// copied: do not change them before the table is written.
/// </summary>
public sealed class BinaryTable
{
    private const int MaxColumns = 999;
    private readonly List<ColumnData> _columns = [];
    private long _rowLength;
    private long _heapBytes;

    /// <summary>Starts a table of <paramref name="rowCount"/> rows with no columns.</summary>
    public BinaryTable(long rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
    }

    /// <summary>Number of rows (NAXIS2).</summary>
    public long RowCount { get; }

    /// <summary>Bytes per row so far (NAXIS1).</summary>
    public long RowLength => _rowLength;

    /// <summary>Bytes of heap (variable-length arrays) so far (PCOUNT).</summary>
    public long HeapBytes => _heapBytes;

    /// <summary>The columns added so far, as they will be described in the header.</summary>
    public IReadOnlyList<TableColumn> Columns => [.. _columns.Select(c => c.Column)];

    internal IReadOnlyList<ColumnData> Data => _columns;

    /// <summary>
    /// Adds a fixed-width column of <paramref name="repeat"/> values per row, from a flat array of
    /// RowCount × repeat values, row after row. Integers and floats are stored as given: with
    /// <see cref="ColumnOptions.Scale"/> or <see cref="ColumnOptions.Zero"/>, they are the stored values of the scaled column.
    /// </summary>
    /// <returns>The column as it will appear in the header.</returns>
    /// <exception cref="ArgumentException">An unsupported type, a length that is not RowCount × repeat, a repeated name, or options that do not fit the type.</exception>
    public TableColumn AddColumn<T>(string name, T[] values, int repeat = 1, ColumnOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(repeat);
        var (type, plan) = ElementEncoder.For(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} values cannot be stored in a FITS table column", nameof(values));
        CheckLength(name, values.Length, repeat);
        var column = Describe(name, ColumnFormat.Fixed(type, repeat), options, plan == ElementConversion.FlipSign, repeat);
        return Add(new FixedColumnData<T>(column, values, plan));
    }

    /// <summary>Adds a character (A) column: one ASCII string per row (null for an empty one), padded with spaces to <paramref name="width"/>.</summary>
    /// <param name="name">TTYPE.</param>
    /// <param name="values">RowCount strings of printable ASCII.</param>
    /// <param name="width">Characters per row; by default the longest string's length (at least 1).</param>
    /// <param name="options">TUNIT, TDIM (e.g. [4, 3] for three 4-character strings per row), TDISP.</param>
    /// <exception cref="ArgumentException">A string longer than the width or not ASCII, or a wrong count.</exception>
    public TableColumn AddStringColumn(string name, string?[] values, int? width = null, ColumnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLength(name, values.Length, 1);
        var w = width ?? Math.Max(1, values.Max(v => v?.Length ?? 0));
        ArgumentOutOfRangeException.ThrowIfNegative(w, nameof(width));
        for (var i = 0; i < values.Length; i++)
        {
            var s = values[i];
            if (s is null) continue;
            if (s.Length > w) throw new ArgumentException($"column '{name}': row {i} has {s.Length} characters, more than the width {w}", nameof(values));
            foreach (var ch in s)
                if (ch is < ' ' or > '~') throw new ArgumentException($"column '{name}': row {i} has the character U+{(int)ch:X4}; FITS text is printable ASCII", nameof(values));
        }
        var column = Describe(name, ColumnFormat.Fixed(ColumnType.Char, w), options, false, w);
        return Add(new TextColumnData(column, values));
    }

    /// <summary>Adds a bit (X) column of <paramref name="repeat"/> bits per row, from a flat array of RowCount × repeat bits.</summary>
    /// <exception cref="ArgumentException">A wrong count or a repeated name.</exception>
    public TableColumn AddBitColumn(string name, bool[] bits, int repeat, ColumnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentOutOfRangeException.ThrowIfNegative(repeat);
        CheckLength(name, bits.Length, repeat);
        var column = Describe(name, ColumnFormat.Fixed(ColumnType.Bit, repeat), options, false, repeat);
        return Add(new BitColumnData(column, bits));
    }

    /// <summary>
    /// Adds a variable-length array column: one array per row (any length, possibly empty), stored in the heap
    /// with a descriptor in the row: TFORM 1Pt(max), or 1Qt(max) once the heap passes 2 GiB.
    /// </summary>
    /// <exception cref="ArgumentException">An unsupported type, a null array, or a wrong count.</exception>
    public TableColumn AddVariableLengthColumn<T>(string name, T[][] arrays, ColumnOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var (type, plan) = ElementEncoder.For(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} values cannot be stored in a FITS table column", nameof(arrays));
        CheckLength(name, arrays.Length, 1);
        if (Array.IndexOf(arrays, null) is var missing and >= 0) throw new ArgumentException($"column '{name}': row {missing} has no array (use an empty one)", nameof(arrays));
        if (options?.Dims is not null) throw new ArgumentException($"column '{name}': TDIM is not supported for variable-length columns", nameof(options));
        long max = 0, bytes = 0;
        foreach (var a in arrays)
        {
            max = Math.Max(max, a.Length);
            bytes += (long)a.Length * ColumnFormat.SizeOf(type);
        }
        var wide = _heapBytes + bytes > int.MaxValue;
        var column = Describe(name, ColumnFormat.VariableLength(type, max, wide), options, plan == ElementConversion.FlipSign, 1);
        return Add(new VariableColumnData<T>(column, arrays, plan, _heapBytes));
    }

    private TableColumn Add(ColumnData data)
    {
        _columns.Add(data);
        _rowLength += data.Column.Width;
        _heapBytes += data.HeapBytes;
        return data.Column;
    }

    private void CheckLength(string name, long length, int repeat)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckHeaderText(name, "name");
        if (_columns.Count >= MaxColumns) throw new InvalidOperationException($"a FITS table has at most {MaxColumns} columns");
        if (name.Length > 0 && _columns.Any(c => string.Equals(c.Column.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"the table already has a column named '{name}'", nameof(name));
        if (length != RowCount * repeat)
            throw new ArgumentException($"column '{name}': {length} values given, but {RowCount} rows × repeat {repeat} need {RowCount * repeat}", nameof(name));
    }

    private TableColumn Describe(string name, ColumnFormat format, ColumnOptions? options, bool unsignedType, int elements)
    {
        options ??= new ColumnOptions();
        CheckHeaderText(options.Unit, "unit");
        CheckHeaderText(options.Display, "display format");
        var type = format.Type;
        var numeric = type is ColumnType.Byte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float32 or ColumnType.Float64;
        var integer = numeric && type is not (ColumnType.Float32 or ColumnType.Float64);
        if ((options.Scale is not null || options.Zero is not null) && (!numeric || unsignedType))
            throw new ArgumentException($"column '{name}': TSCAL/TZERO apply to signed integer and float columns only{(unsignedType ? " (unsigned types get their TZERO automatically)" : "")}", nameof(options));
        if (options.Scale == 0) throw new ArgumentException($"column '{name}': TSCAL cannot be 0", nameof(options));
        if (options.Null is not null && !integer) throw new ArgumentException($"column '{name}': TNULL applies to integer columns only", nameof(options));
        if (options.Dims is { } dims && (dims.Count == 0 || dims.Any(d => d <= 0) || dims.Aggregate(1L, (a, b) => a * b) != elements))
            throw new ArgumentException($"column '{name}': TDIM ({string.Join(',', dims)}) must be positive lengths whose product is {elements}", nameof(options));
        return new TableColumn(_columns.Count, name.Trim(), format, _rowLength)
        {
            Unit = string.IsNullOrWhiteSpace(options.Unit) ? null : options.Unit,
            Scale = options.Scale ?? 1.0,
            Zero = unsignedType ? TableColumn.UnsignedOffset(type) : options.Zero ?? 0.0,
            Null = options.Null,
            Dims = options.Dims is { } d ? [.. d] : null,
            Display = options.Display,
        };
    }

    /// <summary>Header strings must be printable ASCII (FITS 4.0 section 4.2.1).</summary>
    private static void CheckHeaderText(string? text, string what)
    {
        if (text is null) return;
        foreach (var ch in text)
            if (ch is < ' ' or > '~') throw new ArgumentException($"the column {what} '{text}' has the character U+{(int)ch:X4}; header text is printable ASCII", what == "name" ? "name" : "options");
    }
}
