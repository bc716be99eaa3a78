namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// SIN, the orthographic projection and its slant generalisation for synthesis radio telescopes
/// (paper II, section 5.1.5): x = R0 [cos(theta) sin(phi) + xi (1 - sin theta)],
/// y = -R0 [cos(theta) cos(phi) - eta (1 - sin theta)], with xi = PV2_1 and eta = PV2_2 (default 0).
/// Only the visible hemisphere, theta &gt;= -atan(xi sin(phi) - eta cos(phi)), can be projected; other
/// points, and plane points outside the projected disc, give NaN.
/// </summary>
public sealed class SinProjection : IProjection, INativeVectorProjection
{
    private const double R0 = ZenithalGeometry.R0;
    private const double Tolerance = 1e-13;
    private readonly double _xi;
    private readonly double _eta;

    /// <summary>Creates the projection with its slant parameters.</summary>
    /// <param name="xi">PV2_1, dimensionless (0 for the plain orthographic projection).</param>
    /// <param name="eta">PV2_2, dimensionless (0 for the plain orthographic projection).</param>
    public SinProjection(double xi = 0.0, double eta = 0.0)
    {
        _xi = xi;
        _eta = eta;
        Parameters = new Dictionary<int, double> { [1] = xi, [2] = eta };
    }

    /// <inheritdoc/>
    public string Code => "SIN";

    /// <inheritdoc/>
    public ProjectionFamily Family => ProjectionFamily.Zenithal;

    /// <inheritdoc/>
    public double Theta0 => 90.0;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> Parameters { get; }

    /// <inheritdoc/>
    public void PlaneToNative(double x, double y, out double phi, out double theta)
    {
        if (!SolveOneMinusSinTheta(x / R0, y / R0, out var z))
        {
            phi = theta = double.NaN;
            return;
        }
        theta = Degrees.Atan2(1.0 - z, Math.Sqrt(z * (2.0 - z)));
        var px = x / R0 - _xi * z;
        var py = y / R0 - _eta * z;
        phi = px == 0.0 && py == 0.0 ? 0.0 : Degrees.Atan2(px, -py);
    }

    /// <summary>Solves the projection equations for z = 1 - sin(theta) at plane point (X, Y) in radians; false outside the disc.</summary>
    private bool SolveOneMinusSinTheta(double X, double Y, out double z)
    {
        var r2 = X * X + Y * Y;
        // Solve for z = 1 - sin(theta) rather than sin(theta): near the reference point sin(theta) is
        // close to 1 and asin would lose half the digits. Substituting into the projection equations
        // gives a z^2 - 2 B z + r^2 = 0 with a = 1 + xi^2 + eta^2 and B = a + xi (X - xi) + eta (Y - eta).
        var a = 1.0 + _xi * _xi + _eta * _eta;
        var b = a + _xi * (X - _xi) + _eta * (Y - _eta);
        if (r2 == 0.0)
        {
            z = 0.0;
            return true;
        }
        var disc = b * b - a * r2;
        if (disc < 0.0)
        {
            if (disc < -Tolerance * b * b) { z = double.NaN; return false; }
            disc = 0.0;
        }
        if (!(b > 0.0)) { z = double.NaN; return false; }
        // The root nearer theta = 90 (the smaller z), in the cancellation-free form.
        z = r2 / (b + Math.Sqrt(disc));
        if (z > 2.0)
        {
            if (z > 2.0 + Tolerance) { z = double.NaN; return false; }
            z = 2.0;
        }
        return true;
    }

    bool INativeVectorProjection.PlaneToNativeVector(double x, double y, out double n1, out double n2, out double n3)
    {
        var X = x / R0;
        var Y = y / R0;
        if (!SolveOneMinusSinTheta(X, Y, out var z))
        {
            n1 = n2 = n3 = double.NaN;
            return false;
        }
        n1 = X - _xi * z;
        n2 = -(Y - _eta * z);
        n3 = 1.0 - z;
        return true;
    }

    bool INativeVectorProjection.NativeVectorToPlane(double n1, double n2, double n3, out double x, out double y)
    {
        // Visible side of the limb: n . (xi, -eta, 1) >= 0, the vector form of theta >= -atan(xi sin(phi) - eta cos(phi)).
        if (!(n3 + _xi * n1 - _eta * n2 >= 0.0))
        {
            x = y = double.NaN;
            return false;
        }
        var z = 1.0 - n3;
        x = R0 * (n1 + _xi * z);
        y = R0 * (-n2 + _eta * z);
        return true;
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        var (sp, cp) = Degrees.SinCos(phi);
        var ct = Degrees.Cos(theta);
        // The limb: the slant projection direction (xi, eta, 1) is tangent to the sphere there.
        var limb = -Degrees.Atan(_xi * sp - _eta * cp);
        if (!(theta >= limb))
        {
            x = y = double.NaN;
            return;
        }
        // 1 - sin(theta) without cancellation near theta = 90.
        var h = Degrees.Sin((90.0 - theta) / 2.0);
        var z = 2.0 * h * h;
        x = R0 * (ct * sp + _xi * z);
        y = -R0 * (ct * cp - _eta * z);
    }
}
