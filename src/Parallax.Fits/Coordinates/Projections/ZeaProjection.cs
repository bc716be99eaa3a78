namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// ZEA, the zenithal equal-area projection (paper II, section 5.1.7): R = 2 R0 sin((90 - theta) / 2).
/// The whole sphere projects; plane points beyond the circle R = 2 R0 give NaN.
/// </summary>
public sealed class ZeaProjection : IProjection, INativeVectorProjection
{
    private const double R0 = ZenithalGeometry.R0;
    private const double Tolerance = 1e-12;

    /// <inheritdoc/>
    public string Code => "ZEA";

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
        var w = r / (2.0 * R0);
        if (w > 1.0)
        {
            if (w > 1.0 + Tolerance) { phi = theta = double.NaN; return; }
            w = 1.0;
        }
        phi = p;
        theta = 90.0 - 2.0 * Degrees.Asin(w);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
        => ZenithalGeometry.FromPolar(2.0 * R0 * Degrees.Sin((90.0 - theta) / 2.0), phi, out x, out y);

    bool INativeVectorProjection.PlaneToNativeVector(double x, double y, out double n1, out double n2, out double n3)
    {
        // With w = sin((90 - theta) / 2) = r / (2 R0): sin(theta) = 1 - 2 w^2, cos(theta) = 2 w sqrt(1 - w^2).
        var w2 = (x * x + y * y) / (4.0 * R0 * R0);
        if (w2 > 1.0)
        {
            if (!(w2 <= 1.0 + 2.0 * Tolerance)) { n1 = n2 = n3 = double.NaN; return false; }
            w2 = 1.0;
        }
        var k = Math.Sqrt(1.0 - w2) / R0;
        n1 = k * x;
        n2 = -k * y;
        n3 = 1.0 - 2.0 * w2;
        return !double.IsNaN(n3);
    }

    bool INativeVectorProjection.NativeVectorToPlane(double n1, double n2, double n3, out double x, out double y)
    {
        // r sin(phi) = R0 n1 sqrt(2 / (1 + sin(theta))): exact near the pole, where 1 - sin(theta) would cancel.
        var onePlus = 1.0 + n3;
        if (!(onePlus > 1e-15))
        {
            NativeToPlane(Degrees.Atan2(n1, n2), -90.0, out x, out y);
            return !double.IsNaN(x);
        }
        var k = R0 * Math.Sqrt(2.0 / onePlus);
        x = k * n1;
        y = -k * n2;
        return true;
    }
}
