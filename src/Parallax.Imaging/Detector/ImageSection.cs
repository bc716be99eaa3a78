using System.Globalization;

namespace Parallax.Imaging.Detector;

/// <summary>
/// A rectangular FITS/IRAF image section such as DATASEC = '[33:1056,1:2048]': one-based, inclusive
/// bounds along x (NAXIS1) and y (NAXIS2), as written. A range written high-to-low ('[2048:1,1:4096]')
/// means the axis is flipped (read in reverse), as DETSEC does for amplifiers read from the far side.
/// </summary>
/// <param name="X1">First x as written (one-based).</param>
/// <param name="X2">Last x as written (one-based, inclusive; below <paramref name="X1"/> for a flip).</param>
/// <param name="Y1">First y as written (one-based).</param>
/// <param name="Y2">Last y as written (one-based, inclusive; below <paramref name="Y1"/> for a flip).</param>
public readonly record struct ImageSection(int X1, int X2, int Y1, int Y2)
{
    /// <summary>Columns covered.</summary>
    public int Width => Math.Abs(X2 - X1) + 1;

    /// <summary>Rows covered.</summary>
    public int Height => Math.Abs(Y2 - Y1) + 1;

    /// <summary>Zero-based first column (the smaller x bound − 1).</summary>
    public int XStart => Math.Min(X1, X2) - 1;

    /// <summary>Zero-based first row (the smaller y bound − 1).</summary>
    public int YStart => Math.Min(Y1, Y2) - 1;

    /// <summary>Zero-based column after the last.</summary>
    public int XEnd => XStart + Width;

    /// <summary>Zero-based row after the last.</summary>
    public int YEnd => YStart + Height;

    /// <summary>True when x is written high-to-low.</summary>
    public bool XFlipped => X2 < X1;

    /// <summary>True when y is written high-to-low.</summary>
    public bool YFlipped => Y2 < Y1;

    /// <summary>The section of zero-based columns [x, x + width) and rows [y, y + height), not flipped.</summary>
    public static ImageSection FromZeroBased(int x, int y, int width, int height)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"a section of {width}×{height} pixels is empty");
        if (x < 0 || y < 0) throw new ArgumentOutOfRangeException(nameof(x), $"section origin ({x}, {y}) is negative");
        return new ImageSection(x + 1, x + width, y + 1, y + height);
    }

    /// <summary>
    /// Parses '[x1:x2,y1:y2]'. Spaces are allowed anywhere; a single number 'n' means n:n; '*' means the
    /// whole axis and '-*' the whole axis flipped (IRAF), which needs the axis length.
    /// </summary>
    /// <param name="text">The section text.</param>
    /// <param name="keyword">The keyword it came from, named in errors (DATASEC, BIASSECA ...).</param>
    /// <param name="width">NAXIS1, for '*' in x; 0 when unknown.</param>
    /// <param name="height">NAXIS2, for '*' in y; 0 when unknown.</param>
    /// <exception cref="FormatException">The text is not a section; the message names the keyword and the text.</exception>
    public static ImageSection Parse(string text, string keyword = "section", int width = 0, int height = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length < 2 || t[0] != '[' || t[^1] != ']') throw Error(keyword, text, "not enclosed in brackets");
        var axes = t[1..^1].Split(',');
        if (axes.Length != 2) throw Error(keyword, text, $"{axes.Length} axes where 2 are needed");
        var (x1, x2) = Range(axes[0], width, "x", keyword, text);
        var (y1, y2) = Range(axes[1], height, "y", keyword, text);
        return new ImageSection(x1, x2, y1, y2);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? text, out ImageSection section, int width = 0, int height = 0)
    {
        section = default;
        if (text is null) return false;
        try
        {
            section = Parse(text, "section", width, height);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Checks that the section lies inside a width × height image.</summary>
    /// <exception cref="FormatException">It does not; the message names the keyword.</exception>
    public void EnsureWithin(int width, int height, string keyword = "section")
    {
        if (XEnd > width || YEnd > height)
            throw new FormatException($"{keyword} {this} reaches beyond the {width}×{height} image");
    }

    /// <summary>'[x1:x2,y1:y2]', as FITS headers write it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{X1}:{X2},{Y1}:{Y2}]");

    private static (int, int) Range(string part, int length, string axis, string keyword, string text)
    {
        var p = part.Trim();
        if (p is "*" or "-*")
        {
            if (length < 1) throw Error(keyword, text, $"'{p}' in {axis} needs the image size, which was not given");
            return p == "*" ? (1, length) : (length, 1);
        }
        var bounds = p.Split(':');
        if (bounds.Length > 2) throw Error(keyword, text, $"'{p}' in {axis} has a step, which is not supported");
        var a = Bound(bounds[0], axis, keyword, text);
        var b = bounds.Length == 2 ? Bound(bounds[1], axis, keyword, text) : a;
        return (a, b);
    }

    private static int Bound(string s, string axis, string keyword, string text)
    {
        if (!int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            throw Error(keyword, text, $"'{s.Trim()}' in {axis} is not a positive whole number");
        if (v < 1) throw Error(keyword, text, $"{axis} bound {v} is below 1 (sections are one-based)");
        return v;
    }

    private static FormatException Error(string keyword, string text, string reason)
        => new($"{keyword} '{text}': {reason}; expected '[x1:x2,y1:y2]' with one-based inclusive bounds");
}
