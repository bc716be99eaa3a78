using Parallax.Fits;
using Parallax.Fits.Tables;

namespace Parallax.Imaging.Astrometry;

/// <summary>
/// Reads a reference catalog from a FITS binary table with Gaia-like column names (case-insensitive): the first
/// table HDU that has ra and dec columns. Scalar numeric columns are read as physical values (TSCAL/TZERO applied,
/// TNULL → NaN); vector, string and logical columns are ignored.
/// </summary>
public static class ReferenceCatalogFits
{
    /// <summary>Reads the first binary table of <paramref name="file"/> with ra and dec columns.</summary>
    /// <param name="file">An opened FITS file (the caller opened it and disposes of it).</param>
    /// <param name="source">A name for messages (the file path).</param>
    /// <exception cref="ReferenceCatalogException">No table with ra and dec columns, or a value out of range; the message names the source and column.</exception>
    public static ReferenceCatalog Read(FitsFile file, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        var tables = file.Hdus.OfType<BinaryTableHdu>().ToList();
        var table = tables.FirstOrDefault(t => t.TryGetColumnIndex("ra", out _) && t.TryGetColumnIndex("dec", out _));
        if (table is null)
        {
            var what = tables.Count == 0 ? "no binary table" : $"no binary table with columns 'ra' and 'dec' (the first has {string.Join(", ", tables[0].ColumnNames)})";
            throw new ReferenceCatalogException($"{source}: {what}");
        }
        return Read(table, source);
    }

    /// <summary>Reads one binary table HDU.</summary>
    /// <param name="table">The table.</param>
    /// <param name="source">A name for messages (file and HDU).</param>
    /// <exception cref="ReferenceCatalogException">No ra or dec column, or a value out of range.</exception>
    public static ReferenceCatalog Read(BinaryTableHdu table, string source)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<(string, double[])>();
        foreach (var column in table.Columns)
        {
            if (column.IsVariableLength || column.Repeat != 1 || !IsNumeric(column.Type)) continue;
            try
            {
                columns.Add((column.Name.Trim(), table.ReadDoubles(column.Index)));
            }
            catch (FitsFormatException e)
            {
                throw new ReferenceCatalogException($"{source}: column '{column.Name}' cannot be read: {e.Message}", e);
            }
        }
        return ReferenceColumns.Build(source, columns);
    }

    private static bool IsNumeric(ColumnType type) => type is ColumnType.Byte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float32 or ColumnType.Float64;
}
