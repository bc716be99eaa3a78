using System.Globalization;

namespace Parallax.Imaging.Astrometry;

/// <summary>
/// Reads a reference catalog from comma-separated text with a header row (Gaia-like names: ra, dec, pmra, pmdec,
/// phot_g_mean_mag, ...; the simulator's truth catalog.csv with one magnitude column per filter). Columns whose
/// every non-empty cell is a number are kept (an empty cell, "nan" or "null" gives NaN); the others (names, types)
/// are ignored. Lines starting with '#' and blank lines are skipped. Quoted cells are not supported.
/// </summary>
public static class ReferenceCatalogCsv
{
    /// <summary>Parses the text.</summary>
    /// <param name="reader">The text, positioned at its start.</param>
    /// <param name="source">A name for messages (the file path).</param>
    /// <exception cref="ReferenceCatalogException">No header, a row with the wrong number of cells, no numeric ra or dec column, or a value out of range; the message names the source, column and row.</exception>
    public static ReferenceCatalog Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string[]? header = null;
        var cells = new List<string[]>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.AsSpan().TrimStart().StartsWith("#")) continue;
            var parts = line.Split(',');
            if (header is null)
            {
                header = [.. parts.Select(p => p.Trim())];
                continue;
            }
            if (parts.Length != header.Length)
                throw new ReferenceCatalogException($"{source}: line {lineNumber} has {parts.Length} cells, the header {header.Length}");
            cells.Add(parts);
        }
        if (header is null) throw new ReferenceCatalogException($"{source}: empty file: no header row with column names (ra, dec, magnitudes)");
        var columns = new List<(string, double[])>();
        for (var c = 0; c < header.Length; c++)
        {
            var values = new double[cells.Count];
            var numeric = true;
            for (var r = 0; r < cells.Count && numeric; r++)
            {
                var text = cells[r][c].AsSpan().Trim();
                if (text.Length == 0 || text.Equals("nan", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.OrdinalIgnoreCase)) values[r] = double.NaN;
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) values[r] = v;
                else
                {
                    numeric = false;
                    if (IsPosition(header[c]))
                        throw new ReferenceCatalogException($"{source}: column '{header[c]}' row {r + 1} is '{text}', not a number of degrees");
                }
            }
            if (numeric) columns.Add((header[c], values));
        }
        return ReferenceColumns.Build(source, columns);
    }

    private static bool IsPosition(string name) => name.Equals("ra", StringComparison.OrdinalIgnoreCase) || name.Equals("dec", StringComparison.OrdinalIgnoreCase);
}
