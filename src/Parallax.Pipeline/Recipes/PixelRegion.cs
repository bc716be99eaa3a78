using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Pipeline.Recipes;

/// <summary>A rectangle of pixels, zero-based: columns X .. X+Width-1, rows Y .. Y+Height-1.</summary>
/// <param name="X">First column (0-based).</param>
/// <param name="Y">First row (0-based).</param>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
public readonly partial record struct PixelRegion(int X, int Y, int Width, int Height)
{
    /// <summary>Number of pixels.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>The whole of an image.</summary>
    public static PixelRegion Whole(int width, int height) => new(0, 0, width, height);

    /// <summary>Reads a FITS section <c>[x1:x2,y1:y2]</c> (one-based, inclusive; either order); null when the text is not one.</summary>
    public static PixelRegion? ParseSection(string? text)
    {
        if (text is null) return null;
        var m = SectionPattern().Match(text);
        if (!m.Success) return null;
        int N(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        int x1 = N(1), x2 = N(2), y1 = N(3), y2 = N(4);
        var (xa, xb) = x1 <= x2 ? (x1, x2) : (x2, x1);
        var (ya, yb) = y1 <= y2 ? (y1, y2) : (y2, y1);
        if (xa < 1 || ya < 1) return null;
        return new PixelRegion(xa - 1, ya - 1, xb - xa + 1, yb - ya + 1);
    }

    /// <summary>The part of this region inside an image of the given size (empty when none).</summary>
    public PixelRegion ClipTo(int width, int height)
    {
        var x0 = Math.Clamp(X, 0, width);
        var y0 = Math.Clamp(Y, 0, height);
        var x1 = Math.Clamp(X + Width, 0, width);
        var y1 = Math.Clamp(Y + Height, 0, height);
        return new PixelRegion(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The FITS section: <c>[x1:x2,y1:y2]</c>.</summary>
    public override string ToString() => $"[{X + 1}:{X + Width},{Y + 1}:{Y + Height}]";

    [GeneratedRegex(@"^\s*\[\s*(\d+)\s*:\s*(\d+)\s*,\s*(\d+)\s*:\s*(\d+)\s*\]\s*$")]
    private static partial Regex SectionPattern();
}
