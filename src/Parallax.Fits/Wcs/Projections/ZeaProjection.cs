namespace Parallax.Fits.Wcs.Projections;

/// <summary>
/// ZEA, the zenithal equal-area projection (paper II, section 5.1.7): R = 2 R0 sin((90 - theta) / 2).
/// The whole sphere projects; plane points beyond the circle R = 2 R0 give NaN.
/// </summary>
public sealed class ZeaProjection : IProjection
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
}
