using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Astrometry;

/// <summary>x' = A x + B y + C, y' = D x + E y + F: the map from catalog positions projected by the header WCS to detected positions.</summary>
internal readonly record struct Affine(double A, double B, double C, double D, double E, double F)
{
    public (double X, double Y) Apply(double x, double y) => (A * x + B * y + C, D * x + E * y + F);

    public Affine Inverse()
    {
        var det = A * E - B * D;
        var a = E / det;
        var b = -B / det;
        var d = -D / det;
        var e = A / det;
        return new Affine(a, b, -(a * C + b * F), d, e, -(d * C + e * F));
    }

    /// <summary>Least-squares affine fit from projected catalog positions to detections; null when degenerate.</summary>
    public static Affine? Fit<T>(List<(int Star, int Ref)> pairs, List<Source> stars, List<T> reference) where T : IProjectedPosition
    {
        if (pairs.Count < 3) return null;
        // Normal equations about the centroids: 3 × 3 and well conditioned once centred.
        double mx = 0, my = 0, mu = 0, mv = 0;
        foreach (var (s, r) in pairs)
        {
            mx += reference[r].X; my += reference[r].Y; mu += stars[s].XWin; mv += stars[s].YWin;
        }
        var n = pairs.Count;
        mx /= n; my /= n; mu /= n; mv /= n;
        double sxx = 0, sxy = 0, syy = 0, sxu = 0, syu = 0, sxv = 0, syv = 0;
        foreach (var (s, r) in pairs)
        {
            var x = reference[r].X - mx;
            var y = reference[r].Y - my;
            var u = stars[s].XWin - mu;
            var v = stars[s].YWin - mv;
            sxx += x * x; sxy += x * y; syy += y * y;
            sxu += x * u; syu += y * u; sxv += x * v; syv += y * v;
        }
        var det = sxx * syy - sxy * sxy;
        if (!(Math.Abs(det) > 1e-9 * (sxx * syy + 1e-300))) return null;
        var a = (sxu * syy - syu * sxy) / det;
        var b = (syu * sxx - sxu * sxy) / det;
        var d = (sxv * syy - syv * sxy) / det;
        var e = (syv * sxx - sxv * sxy) / det;
        return new Affine(a, b, mu - a * mx - b * my, d, e, mv - d * mx - e * my);
    }
}
