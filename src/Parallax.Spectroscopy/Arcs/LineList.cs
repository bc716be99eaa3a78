using System.Globalization;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// A comparison-lamp line list in IRAF's format: one line per row, the wavelength (Angstrom) first, then an optional
/// label; '#' starts a comment; blank rows are skipped. Entries are kept sorted by wavelength.
/// </summary>
public sealed class LineList
{
    private readonly LineListEntry[] _entries;

    /// <summary>Creates a list from entries (sorted here).</summary>
    public LineList(IEnumerable<LineListEntry> entries)
    {
        _entries = entries.OrderBy(e => e.Wavelength).ToArray();
    }

    /// <summary>The entries, by increasing wavelength.</summary>
    public IReadOnlyList<LineListEntry> Entries => _entries;

    /// <summary>Number of lines.</summary>
    public int Count => _entries.Length;

    /// <summary>Parses the text of a list.</summary>
    /// <param name="text">The list.</param>
    /// <param name="source">A name for messages (the file).</param>
    /// <exception cref="FormatException">A row does not start with a positive number; the message names the source and row.</exception>
    public static LineList Parse(string text, string source = "line list")
    {
        var entries = new List<LineListEntry>();
        var row = 0;
        foreach (var raw in text.Split('\n'))
        {
            row++;
            var line = raw.Trim();
            var hash = line.IndexOf('#');
            if (hash == 0 || line.Length == 0) continue;
            var content = (hash > 0 ? line[..hash] : line).Trim();
            if (content.Length == 0) continue;
            var split = content.IndexOfAny([' ', '\t']);
            var first = split < 0 ? content : content[..split];
            if (!double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var wavelength) || !(wavelength > 0))
                throw new FormatException($"{source} row {row}: '{first}' is not a wavelength");
            entries.Add(new LineListEntry(wavelength, split < 0 ? "" : content[split..].Trim()));
        }
        return new LineList(entries);
    }

    /// <summary>Reads a list file.</summary>
    /// <exception cref="FormatException">A row is not a line.</exception>
    public static LineList Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Several lists merged (e.g. the lamps of a Hg + Cd + He exposure).</summary>
    public static LineList Merge(params LineList[] lists) => new(lists.SelectMany(l => l._entries));

    /// <summary>The lines between two wavelengths (inclusive).</summary>
    public LineList Between(double minimum, double maximum) => new(_entries.Where(e => e.Wavelength >= minimum && e.Wavelength <= maximum));
}
