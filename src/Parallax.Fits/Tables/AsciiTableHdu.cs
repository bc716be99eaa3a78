using System.Globalization;
using System.Text;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits.Tables;

/// <summary>
/// An ASCII table (XTENSION = 'TABLE', FITS 4.0 section 7.2): every value is text in a fixed
/// character field of the row. Columns read as strings, and numeric columns (I, F, E, D) as
/// physical doubles.
/// </summary>
public sealed class AsciiTableHdu : TableHdu
{
    private readonly AsciiTableColumn[] _columns;

    private AsciiTableHdu(Header header, HduLayout layout, FitsSource? source, int rowLength, long rowCount, AsciiTableColumn[] columns)
        : base(header, layout, source, rowLength, rowCount, [.. columns.Select(c => c.Name)])
        => _columns = columns;

    /// <summary>Reads the column layout from a TABLE header.</summary>
    /// <exception cref="FitsFormatException">A TFORMn or TBCOLn is missing or invalid, or a field runs past NAXIS1.</exception>
    internal static AsciiTableHdu Create(Header header, HduLayout layout, FitsSource? source, FitsReadOptions options, ICollection<string> warnings)
    {
        var reader = new TableHeaderReader(header, options, warnings);
        var (rowLength, rowCount) = reader.Shape("ASCII table");
        var fields = reader.FieldCount();
        var columns = new AsciiTableColumn[fields];
        for (var i = 0; i < fields; i++)
        {
            var n = i + 1;
            var formKey = $"TFORM{n}";
            var tform = reader.Text(formKey) ?? throw reader.Error(formKey, $"column {n} has no {formKey}");
            if (!AsciiColumnFormat.TryParse(tform, out var format, out var why)) throw reader.Error(formKey, why!);
            var colKey = $"TBCOL{n}";
            if (!header.Contains(colKey)) throw reader.Error(colKey, $"column {n} has no {colKey}, so its position in the row is unknown");
            var start = header.GetInt64(colKey);
            if (start < 1 || start - 1 + format.Width > rowLength)
                throw reader.Error(colKey, $"a {format.Width}-character field starting at character {start} does not lie within the {rowLength}-character row (NAXIS1)");
            var (scale, zero) = reader.Scaling(n);
            if ((scale != 1.0 || zero != 0.0) && format.Code == 'A')
            {
                reader.Problem(header.Contains($"TSCAL{n}") ? $"TSCAL{n}" : $"TZERO{n}", "TSCAL/TZERO cannot apply to a character (A) column");
                (scale, zero) = (1.0, 0.0);
            }
            columns[i] = new AsciiTableColumn(i, reader.Text($"TTYPE{n}") ?? "", format, (int)start)
            {
                Unit = reader.Text($"TUNIT{n}"),
                Scale = scale,
                Zero = zero,
                Null = reader.Text($"TNULL{n}"),
                Display = reader.Text($"TDISP{n}"),
            };
        }
        return new AsciiTableHdu(header, layout, source, rowLength, rowCount, columns);
    }

    /// <inheritdoc/>
    public override HduKind Kind => HduKind.AsciiTable;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<AsciiTableColumn> Columns => _columns;

    /// <summary>The first column with this name (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public AsciiTableColumn GetColumn(string name) => _columns[GetColumnIndex(name)];

    /// <summary>Reads a column's fields as text: A fields without trailing spaces, numeric fields without surrounding spaces.</summary>
    public string[] ReadStrings(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = ColumnAt(column);
        var rows = ResolveRows(firstRow, rowCount);
        var result = new string[rows];
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
        {
            for (var r = 0; r < count; r++)
            {
                var field = Field(bytes, r, c);
                result[start + r] = Encoding.Latin1.GetString(c.Format.IsNumeric ? field.Trim((byte)' ') : field.TrimEnd((byte)' '));
            }
        });
        return result;
    }

    /// <summary>
    /// Reads a numeric column (I, F, E, D) as physical values: the field's number × TSCAL + TZERO. A blank field, or
    /// one equal to TNULL, gives NaN. 'D' exponents are accepted, and a field without a decimal point has the implied
    /// one of its Fw.d/Ew.d/Dw.d format, d digits from the right of the mantissa (FITS 4.0 section 7.2.5).
    /// </summary>
    /// <exception cref="ArgumentException">The column is a character (A) column.</exception>
    /// <exception cref="FitsFormatException">A field is not a number; the message names row and column.</exception>
    public double[] ReadDoubles(int column, long firstRow = 0, int? rowCount = null)
    {
        var c = ColumnAt(column);
        if (!c.Format.IsNumeric) throw new ArgumentException($"{Location}: column {c.Index} '{c.Name}' ({c.Format}) holds text; read it with ReadStrings", nameof(column));
        var rows = ResolveRows(firstRow, rowCount);
        var result = new double[rows];
        var nul = c.Null is { } n ? Encoding.Latin1.GetBytes(n) : null;
        ForEachRowChunk(firstRow, rows, (bytes, start, count) =>
        {
            for (var r = 0; r < count; r++)
            {
                var field = Field(bytes, r, c).Trim((byte)' ');
                if (field.Length == 0 || (nul is not null && field.SequenceEqual(nul)))
                {
                    result[start + r] = double.NaN;
                    continue;
                }
                if (!AsciiNumber.TryParse(field, c.Format.Code == 'I' ? 0 : c.Format.Decimals, out var v))
                    throw FitsFormatException.At(Location, $"row {firstRow + start + r + 1} of column {c.Index + 1} '{c.Name}' ({c.Format}): '{Encoding.Latin1.GetString(field)}' is not a number", $"TFORM{c.Index + 1}");
                result[start + r] = c.Scale == 1.0 && c.Zero == 0.0 ? v : v * c.Scale + c.Zero;
            }
        });
        return result;
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> rows, int row, AsciiTableColumn c) => rows.Slice(row * RowLength + c.Start - 1, c.Width);

    private AsciiTableColumn ColumnAt(int column)
        => (uint)column < (uint)_columns.Length ? _columns[column]
            : throw new ArgumentOutOfRangeException(nameof(column), $"column {column} does not exist; the table has {_columns.Length} columns");
}
