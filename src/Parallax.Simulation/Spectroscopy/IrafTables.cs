using System.Globalization;

namespace Parallax.Simulation.Spectroscopy;

/// <summary>
/// Readers for IRAF's plain-text tables: line lists (<c>noao$lib/linelists</c>: a wavelength first on each line,
/// then free text) and columns of numbers (<c>onedstds</c> flux tables and extinction curves). Lines starting
/// with '#' and blank lines are skipped.
/// </summary>
internal static class IrafTables
{
    /// <summary>Reads a line list, sorted by wavelength.</summary>
    public static List<SpectralLine> ReadLineList(string text)
    {
        var lines = new List<SpectralLine>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.IndexOfAny([' ', '\t']);
            var first = space < 0 ? line : line[..space];
            if (!double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var w)) continue;
            lines.Add(new SpectralLine(w, space < 0 ? "" : line[space..].Trim()));
        }
        lines.Sort((a, b) => a.Wavelength.CompareTo(b.Wavelength));
        return lines;
    }

    /// <summary>Reads the first two numeric columns of a table.</summary>
    public static List<(double X, double Y)> ReadColumns(string text)
    {
        var rows = new List<(double, double)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                rows.Add((x, y));
        }
        return rows;
    }
}
