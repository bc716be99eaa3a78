namespace Parallax.Imaging.Photometry;

/// <summary>
/// Exact area shared by a circle and an axis-aligned rectangle (sep's and photutils' "exact"
/// overlap): the integral over x of the circle's chord clipped to the rectangle, split where the
/// circle crosses the rectangle's horizontal edges so that each piece has a closed form.
/// </summary>
public static class CircleOverlap
{
    /// <summary>Area of the circle of radius <paramref name="r"/> centred at the origin inside [x0, x1] × [y0, y1] (same units squared).</summary>
    public static double Area(double x0, double x1, double y0, double y1, double r)
    {
        if (!(r > 0) || x1 <= x0 || y1 <= y0) return 0;
        var a = Math.Max(x0, -r);
        var b = Math.Min(x1, r);
        if (a >= b || y0 >= r || y1 <= -r) return 0;
        Span<double> cuts = stackalloc double[6];
        var n = 0;
        cuts[n++] = a;
        cuts[n++] = b;
        var r2 = r * r;
        foreach (var y in (ReadOnlySpan<double>)[y0, y1])
        {
            if (Math.Abs(y) >= r) continue;
            var u = Math.Sqrt(r2 - y * y);
            if (u > a && u < b) cuts[n++] = u;
            if (-u > a && -u < b) cuts[n++] = -u;
        }
        var sorted = cuts[..n];
        sorted.Sort();
        double area = 0;
        for (var i = 0; i + 1 < n; i++)
        {
            double u = sorted[i], v = sorted[i + 1];
            var len = v - u;
            if (len <= 0) continue;
            var m = 0.5 * (u + v);
            var h = Math.Sqrt(Math.Max(0, r2 - m * m));
            var chord = Primitive(v, r) - Primitive(u, r);   // ∫ h over [u, v]
            // Upper edge of the strip: clamp(+h, y0, y1); lower edge: clamp(−h, y0, y1). A clamp can only
            // bind where its edge cuts the circle (h ∈ [0, r]); testing that first keeps an edge that just
            // touches the circle (y = ±r) from being mistaken for one that covers the whole segment.
            var top = y1 < r && h > y1 ? y1 * len : y0 > 0 && h < y0 ? y0 * len : chord;
            var bottom = y1 < 0 && -h > y1 ? y1 * len : y0 > -r && -h < y0 ? y0 * len : -chord;
            area += top - bottom;
        }
        return Math.Max(0, area);
    }

    /// <summary>Fraction of pixel (px, py) (centre at integers, unit square) inside the circle of radius r centred at (xc, yc).</summary>
    public static double PixelFraction(int px, int py, double xc, double yc, double r)
    {
        double x0 = px - 0.5 - xc, x1 = px + 0.5 - xc, y0 = py - 0.5 - yc, y1 = py + 0.5 - yc;
        var far = Math.Max(x0 * x0, x1 * x1) + Math.Max(y0 * y0, y1 * y1);
        if (far <= r * r) return 1;
        var nx = x0 > 0 ? x0 : x1 < 0 ? x1 : 0;
        var ny = y0 > 0 ? y0 : y1 < 0 ? y1 : 0;
        if (nx * nx + ny * ny >= r * r) return 0;
        return Area(x0, x1, y0, y1, r);
    }

    /// <summary>∫₀ᵘ √(r² − t²) dt.</summary>
    private static double Primitive(double u, double r)
    {
        var s = Math.Clamp(u / r, -1, 1);
        return 0.5 * (u * Math.Sqrt(Math.Max(0, r * r - u * u)) + r * r * Math.Asin(s));
    }
}
