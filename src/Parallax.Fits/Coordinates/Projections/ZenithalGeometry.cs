namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// The polar geometry shared by zenithal projections (paper II, section 5.1): the native longitude
/// is the azimuth in the plane, measured from -y towards +x, and the radius depends on theta only.
/// </summary>
internal static class ZenithalGeometry
{
    /// <summary>Degrees per radian: the radius of the generating sphere, R0 in paper II.</summary>
    public const double R0 = Degrees.PerRadian;

    /// <summary>Plane (x, y) to polar radius and native longitude; at the origin phi is 0 by convention.</summary>
    public static (double R, double Phi) ToPolar(double x, double y)
    {
        var r = Math.Sqrt(x * x + y * y);
        return (r, r == 0.0 ? 0.0 : Degrees.Atan2(x, -y));
    }

    /// <summary>Polar radius and native longitude to plane (x, y).</summary>
    public static void FromPolar(double r, double phi, out double x, out double y)
    {
        var (s, c) = Degrees.SinCos(phi);
        x = r * s;
        y = -r * c;
    }

    public static readonly IReadOnlyDictionary<int, double> NoParameters = new Dictionary<int, double>();
}
