using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Imaging;

/// <summary>
/// A synthetic field: stars uniform on the sky with the number counts of high Galactic latitude,
/// log N(&lt;V) rising 0.3 dex per magnitude, and a few Sérsic galaxies (discs n = 1, bulges n = 4, and in
/// between), inside a square of half-width <c>radius</c> around the centre.
/// </summary>
internal static class CatalogGenerator
{
    /// <summary>Slope of the cumulative star counts, dex per magnitude.</summary>
    public const double CountSlope = 0.3;

    public static List<CatalogSource> Generate(ulong key, double ra, double dec, double radiusDeg, double density, double bright, double faint, int galaxies)
    {
        var stream = new RandomStream(key);
        var area = 4 * radiusDeg * radiusDeg;
        var stars = stream.Poisson(density * area);
        var list = new List<CatalogSource>(stars + galaxies);
        var (lo, hi) = (Math.Pow(10, CountSlope * bright), Math.Pow(10, CountSlope * faint));
        for (var i = 0; i < stars; i++)
        {
            var (sra, sdec) = Position(stream, ra, dec, radiusDeg);
            var v = Math.Log10(lo + stream.Uniform() * (hi - lo)) / CountSlope;
            var bv = Math.Clamp(stream.Normal(0.75, 0.3), -0.25, 1.8);
            list.Add(new CatalogSource(list.Count + 1, false, sra, sdec, v, bv));
        }
        for (var i = 0; i < galaxies; i++)
        {
            var (gra, gdec) = Position(stream, ra, dec, radiusDeg * 0.8);
            var kind = stream.Uniform();
            var n = kind < 0.5 ? 1.0 : kind < 0.8 ? 4.0 : 2.5;
            var re = n >= 4 ? stream.Uniform(1.5, 4) : stream.Uniform(2, 6);
            list.Add(new CatalogSource(list.Count + 1, true, gra, gdec, stream.Uniform(15.5, 19), stream.Uniform(0.5, 1.0),
                n, re, stream.Uniform(0.35, 1.0), stream.Uniform(0, 180)));
        }
        return list;
    }

    // Uniform in the tangent plane of the centre (the field is small), deprojected to the sphere.
    private static (double Ra, double Dec) Position(RandomStream stream, double ra, double dec, double radiusDeg)
    {
        var xi = stream.Uniform(-radiusDeg, radiusDeg) * Math.PI / 180;
        var eta = stream.Uniform(-radiusDeg, radiusDeg) * Math.PI / 180;
        var d0 = dec * Math.PI / 180;
        var denominator = Math.Cos(d0) - eta * Math.Sin(d0);
        var alpha = ra * Math.PI / 180 + Math.Atan2(xi, denominator);
        var delta = Math.Atan2(Math.Sin(d0) + eta * Math.Cos(d0), Math.Sqrt(xi * xi + denominator * denominator));
        var r = alpha * 180 / Math.PI % 360;
        return (r < 0 ? r + 360 : r, delta * 180 / Math.PI);
    }
}
