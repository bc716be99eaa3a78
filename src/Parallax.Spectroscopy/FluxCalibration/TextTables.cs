using System.Globalization;

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>Splitting of the plain-text tables read here (IRAF onedstds, CSV): numbered lines, comments skipped.</summary>
internal static class TextTables
{
    /// <summary>(one-based line number, fields) of each non-blank line not starting with '#'.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Rows(string text, char[] separators)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            yield return (i + 1, line.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>Parses a number or throws a <see cref="FormatException"/> naming the source, line and field.</summary>
    public static double Number(string field, string source, int line, string what)
        => double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new FormatException($"{source}: line {line}: {what} '{field}' is not a finite number");
}
