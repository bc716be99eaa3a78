using Parallax.Fits.Coordinates;

namespace Parallax.Reports.QuickLook;

/// <summary>
/// Draws the sky's orientation on a quick-look: an arrow towards north (labelled N, yellow) and one
/// towards east (labelled E, cyan), from a point near the top-right corner, as DS9 and SAOImage draw
/// their compass. Directions come from the WCS at the image centre, so a rotated or flipped frame
/// shows its true orientation; the image is drawn with FITS row 1 at the bottom.
/// </summary>
public static class CompassOverlay
{
    private static readonly (byte R, byte G, byte B) NorthColour = (255, 220, 0);
    private static readonly (byte R, byte G, byte B) EastColour = (0, 220, 255);

    // 5 × 7 bitmaps of the two letters, one string per row, top row first.
    private static readonly string[] LetterN = ["X...X", "XX..X", "X.X.X", "X..XX", "X...X", "X...X", "X...X"];
    private static readonly string[] LetterE = ["XXXXX", "X....", "X....", "XXXX.", "X....", "X....", "XXXXX"];

    /// <summary>
    /// The unit directions of north and east on the display (x right, y down), measured from the WCS at
    /// the centre of an image of <paramref name="width"/> × <paramref name="height"/> pixels; null when the
    /// WCS cannot be evaluated there.
    /// </summary>
    public static ((double X, double Y) North, (double X, double Y) East)? Directions(Wcs wcs, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(wcs);
        var (cx, cy) = ((width - 1) / 2.0, (height - 1) / 2.0);
        var (ra, dec) = wcs.PixelToWorld(cx, cy);
        if (!double.IsFinite(ra) || !double.IsFinite(dec)) return null;
        // A step of 10 pixels on the sky, small enough for the tangent plane, big enough for rounding.
        var step = 10 * wcs.PixelScale;
        var north = wcs.WorldToPixel(ra, Math.Min(dec + step, 90));
        var east = wcs.WorldToPixel(ra + step / Math.Max(Math.Cos(dec * Math.PI / 180), 1e-6), dec);
        var n = Unit(north.X - cx, -(north.Y - cy));
        var e = Unit(east.X - cx, -(east.Y - cy));
        return n is null || e is null ? null : (n.Value, e.Value);
    }

    /// <summary>
    /// Draws the compass into RGBA pixels (four bytes a pixel, as a colour <see cref="QuickLookImage"/>
    /// holds them); an image too small for the arrows is left alone.
    /// </summary>
    /// <param name="rgba">The pixels, row 0 at the top.</param>
    /// <param name="width">Width of the quick-look in pixels.</param>
    /// <param name="height">Height of the quick-look in pixels.</param>
    /// <param name="north">Display direction of north (unit vector, y down).</param>
    /// <param name="east">Display direction of east (unit vector, y down).</param>
    public static void Draw(byte[] rgba, int width, int height, (double X, double Y) north, (double X, double Y) east)
    {
        ArgumentNullException.ThrowIfNull(rgba);
        if (rgba.Length != width * height * 4) throw new ArgumentException("expected four bytes per pixel", nameof(rgba));
        var length = Math.Max(8, Math.Min(width, height) / 8);
        // The origin sits one arrow length plus the letters away from the top-right corner, so the
        // arrows stay inside whatever their direction.
        var margin = length + 12;
        if (width < 2 * margin || height < 2 * margin) return;
        var (ox, oy) = (width - margin, margin);
        Arrow(rgba, width, height, ox, oy, north, length, NorthColour, LetterN);
        Arrow(rgba, width, height, ox, oy, east, length, EastColour, LetterE);
    }

    private static void Arrow(byte[] rgba, int width, int height, int ox, int oy, (double X, double Y) d, int length, (byte R, byte G, byte B) colour, string[] letter)
    {
        var (tx, ty) = (ox + d.X * length, oy + d.Y * length);
        Line(rgba, width, height, ox, oy, tx, ty, colour);
        // Arrow head: two strokes at ±150° from the direction.
        foreach (var angle in new[] { 150.0, -150.0 })
        {
            var a = angle * Math.PI / 180;
            var (hx, hy) = (d.X * Math.Cos(a) - d.Y * Math.Sin(a), d.X * Math.Sin(a) + d.Y * Math.Cos(a));
            Line(rgba, width, height, tx, ty, tx + hx * length * 0.3, ty + hy * length * 0.3, colour);
        }
        var (lx, ly) = ((int)Math.Round(tx + d.X * 8) - 2, (int)Math.Round(ty + d.Y * 8) - 3);
        for (var r = 0; r < letter.Length; r++)
            for (var c = 0; c < letter[r].Length; c++)
                if (letter[r][c] == 'X') Plot(rgba, width, height, lx + c, ly + r, colour);
    }

    private static void Line(byte[] rgba, int width, int height, double x0, double y0, double x1, double y1, (byte R, byte G, byte B) colour)
    {
        var steps = (int)Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0))) + 1;
        for (var i = 0; i <= steps; i++)
        {
            var t = i / (double)steps;
            var (x, y) = (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
            // Two pixels thick so the arrow survives a browser's downscaling of the thumbnail.
            Plot(rgba, width, height, (int)Math.Round(x), (int)Math.Round(y), colour);
            Plot(rgba, width, height, (int)Math.Round(x) + 1, (int)Math.Round(y), colour);
        }
    }

    private static void Plot(byte[] rgba, int width, int height, int x, int y, (byte R, byte G, byte B) colour)
    {
        if ((uint)x >= (uint)width || (uint)y >= (uint)height) return;
        var p = (y * width + x) * 4;
        (rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]) = (colour.R, colour.G, colour.B, 255);
    }

    private static (double X, double Y)? Unit(double x, double y)
    {
        var n = Math.Sqrt(x * x + y * y);
        return n > 0 && double.IsFinite(n) ? (x / n, y / n) : null;
    }
}
