namespace Parallax.Fits.Wcs.Projections;

/// <summary>
/// ARC, the zenithal equidistant projection (paper II, section 5.1.6): R = 90 - theta, in degrees.
/// The whole sphere projects; plane points farther than 180 degrees from the origin give NaN.
/// </summary>
public sealed class ArcProjection : IProjection
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
}
