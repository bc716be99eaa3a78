using Parallax.Fits.Coordinates;

namespace Parallax.Imaging.Resampling;

/// <summary>
/// Builds a common output grid covering a set of frames, as SWarp does with CENTER_TYPE ALL: a TAN projection,
/// north up and east left, centred on the mean direction of the frames' outlines, just large enough to hold every
/// input pixel.
/// </summary>
public static class CommonGrid
{
    /// <summary>Points sampled along each side of a frame's outline (SIP and projection curvature make sides bend).</summary>
    private const int PointsPerSide = 16;

    /// <summary>
    /// The TAN grid covering <paramref name="frames"/> (each given by its size and WCS).
    /// </summary>
    /// <param name="frames">The frames to cover: size and WCS of each (at least one).</param>
    /// <param name="pixelScale">Output pixel size, degrees per pixel; null: the median of the frames' pixel scales at their reference points (SWarp's PIXELSCALE_TYPE MEDIAN).</param>
    /// <param name="rotation">Position angle of the grid's +y axis from north, degrees (0: north up, east left).</param>
    /// <returns>The grid; its reference pixel sits where the frames' mean direction falls.</returns>
    /// <exception cref="ArgumentException">No frame, a scale that is not positive, or a frame whose outline is off the sky (NaN).</exception>
    public static TargetGrid Covering(IReadOnlyList<TargetGrid> frames, double? pixelScale = null, double rotation = 0.0)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0) throw new ArgumentException("at least one frame is needed to build a common grid", nameof(frames));
        var scale = pixelScale ?? Median(frames.Select(f => f.Wcs.PixelScale).ToArray());
        if (!(scale > 0.0) || !double.IsFinite(scale)) throw new ArgumentException($"pixel scale {scale} must be a positive number of degrees", nameof(pixelScale));

        var outline = new List<(double Lon, double Lat)>();
        double sx = 0, sy = 0, sz = 0;
        foreach (var frame in frames)
        {
            foreach (var (x, y) in Outline(frame.Width, frame.Height))
            {
                var (lon, lat) = frame.Wcs.PixelToWorld(x, y);
                if (!double.IsFinite(lon) || !double.IsFinite(lat))
                    throw new ArgumentException($"a {frame.Width}×{frame.Height} frame's outline at pixel ({x}, {y}) has no sky position");
                outline.Add((lon, lat));
                var (sl, cl) = Math.SinCos(lon * Math.PI / 180.0);
                var (sb, cb) = Math.SinCos(lat * Math.PI / 180.0);
                sx += cb * cl; sy += cb * sl; sz += sb;
            }
        }
        var ra = Math.Atan2(sy, sx) * 180.0 / Math.PI;
        if (ra < 0) ra += 360.0;
        var dec = Math.Atan2(sz, Math.Sqrt(sx * sx + sy * sy)) * 180.0 / Math.PI;

        // Project the outlines with the reference at zero-based (0, 0), then shift so the box starts at pixel edge −0.5.
        var probe = Wcs.CreateTan(ra, dec, 1.0, 1.0, scale, rotation);
        double xmin = double.PositiveInfinity, xmax = double.NegativeInfinity, ymin = double.PositiveInfinity, ymax = double.NegativeInfinity;
        foreach (var (lon, lat) in outline)
        {
            var (x, y) = probe.WorldToPixel(lon, lat);
            if (!double.IsFinite(x) || !double.IsFinite(y))
                throw new ArgumentException("the frames span more than a hemisphere: a TAN grid cannot hold them");
            xmin = Math.Min(xmin, x); xmax = Math.Max(xmax, x);
            ymin = Math.Min(ymin, y); ymax = Math.Max(ymax, y);
        }
        // A tiny slack keeps rounding from adding a column when the box is a whole number of pixels wide.
        var width = Math.Max(1, (int)Math.Ceiling(xmax - xmin - 1e-6));
        var height = Math.Max(1, (int)Math.Ceiling(ymax - ymin - 1e-6));
        var crpix1 = -0.5 - xmin + 1.0;
        var crpix2 = -0.5 - ymin + 1.0;
        return new TargetGrid(width, height, Wcs.CreateTan(ra, dec, crpix1, crpix2, scale, rotation));
    }

    /// <summary>Zero-based points along the outer edges of a width × height frame (pixel edges at −0.5 and size − 0.5).</summary>
    private static IEnumerable<(double X, double Y)> Outline(int width, int height)
    {
        double x0 = -0.5, y0 = -0.5, x1 = width - 0.5, y1 = height - 0.5;
        for (var k = 0; k < PointsPerSide; k++)
        {
            var t = (double)k / PointsPerSide;
            yield return (x0 + t * (x1 - x0), y0);
            yield return (x1, y0 + t * (y1 - y0));
            yield return (x1 - t * (x1 - x0), y1);
            yield return (x0, y1 - t * (y1 - y0));
        }
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : 0.5 * (values[m - 1] + values[m]);
    }
}
