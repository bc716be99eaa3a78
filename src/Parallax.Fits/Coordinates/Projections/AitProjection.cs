namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// AIT, Hammer-Aitoff (paper II, section 5.3.4): x = 2 gamma cos(theta) sin(phi / 2),
/// y = gamma sin(theta), gamma = R0 sqrt(2 / (1 + cos(theta) cos(phi / 2))). Plane points outside the
/// bounding ellipse give NaN.
/// </summary>
public sealed class AitProjection : IProjection
{
    private const double R0 = ZenithalGeometry.R0;
    private const double Tolerance = 1e-13;

    /// <inheritdoc/>
    public string Code => "AIT";

    /// <inheritdoc/>
    public ProjectionFamily Family => ProjectionFamily.PseudoCylindrical;

    /// <inheritdoc/>
    public double Theta0 => 0.0;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> Parameters => ZenithalGeometry.NoParameters;

    /// <inheritdoc/>
    public void PlaneToNative(double x, double y, out double phi, out double theta)
    {
        var u = x / (4.0 * R0);
        var v = y / (2.0 * R0);
        var z2 = 1.0 - u * u - v * v;
        // Inside the ellipse Z^2 >= 1/2 (paper II eq. 109).
        if (z2 < 0.5)
        {
            if (!(z2 >= 0.5 - Tolerance)) { phi = theta = double.NaN; return; }
            z2 = 0.5;
        }
        var z = Math.Sqrt(z2);
        phi = 2.0 * Degrees.Atan2(z * x / (2.0 * R0), 2.0 * z2 - 1.0);
        theta = Degrees.Asin(Math.Clamp(y * z / R0, -1.0, 1.0));
        NativeBounds.Check(ref phi, ref theta);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        var (st, ct) = Degrees.SinCos(theta);
        var (sh, ch) = Degrees.SinCos(phi / 2.0);
        var gamma = R0 * Math.Sqrt(2.0 / (1.0 + ct * ch));
        x = 2.0 * gamma * ct * sh;
        y = gamma * st;
    }
}
