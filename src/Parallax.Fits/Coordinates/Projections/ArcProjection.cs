namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// ARC, the zenithal equidistant projection (paper II, section 5.1.6): R = 90 - theta, in degrees.
/// The whole sphere projects; plane points farther than 180 degrees from the origin give NaN.
/// </summary>
public sealed class ArcProjection : IProjection, INativeVectorProjection
{
    private const double Tolerance = 1e-12;

    /// <inheritdoc/>
    public string Code => "ARC";

    /// <inheritdoc/>
    public ProjectionFamily Family => ProjectionFamily.Zenithal;

    /// <inheritdoc/>
    public double Theta0 => 90.0;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> Parameters => ZenithalGeometry.NoParameters;

    /// <inheritdoc/>
    public void PlaneToNative(double x, double y, out double phi, out double theta)
    {
        var (r, p) = ZenithalGeometry.ToPolar(x, y);
        if (r > 180.0)
        {
            if (r > 180.0 + Tolerance) { phi = theta = double.NaN; return; }
            r = 180.0;
        }
        phi = p;
        theta = 90.0 - r;
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
        => ZenithalGeometry.FromPolar(90.0 - theta, phi, out x, out y);

    bool INativeVectorProjection.PlaneToNativeVector(double x, double y, out double n1, out double n2, out double n3)
    {
        var r = Math.Sqrt(x * x + y * y);
        if (!(r <= 180.0))
        {
            if (!(r <= 180.0 + Tolerance)) { n1 = n2 = n3 = double.NaN; return false; }
            r = 180.0;
        }
        // r is the angular distance from the native pole: cos(theta) = sin(r), sin(theta) = cos(r).
        var (s, c) = Degrees.SinCos(r);
        var k = r == 0.0 ? 0.0 : s / r;
        n1 = k * x;
        n2 = -k * y;
        n3 = c;
        return true;
    }

    bool INativeVectorProjection.NativeVectorToPlane(double n1, double n2, double n3, out double x, out double y)
    {
        var cosTheta = Math.Sqrt(n1 * n1 + n2 * n2);
        var r = Degrees.Atan2(cosTheta, n3);
        var k = cosTheta == 0.0 ? 0.0 : r / cosTheta;
        x = k * n1;
        y = -k * n2;
        if (cosTheta == 0.0 && n3 < 0.0) y = -r; // The antipode: a circle in the plane; take phi = 0 as the angle path does.
        return true;
    }
}
