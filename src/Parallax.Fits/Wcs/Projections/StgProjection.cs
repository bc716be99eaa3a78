namespace Parallax.Fits.Wcs.Projections;

/// <summary>
/// STG, the stereographic projection (paper II, section 5.1.4): R = 2 R0 tan((90 - theta) / 2).
/// The whole plane deprojects; the antipode of the reference point (theta = -90) gives NaN.
/// </summary>
public sealed class StgProjection : IProjection
{
    private const double R0 = ZenithalGeometry.R0;

    /// <inheritdoc/>
    public string Code => "STG";

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
        phi = p;
        theta = 90.0 - 2.0 * Degrees.Atan(r / (2.0 * R0));
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        if (!(theta > -90.0))
        {
            x = y = double.NaN;
            return;
        }
        var half = (90.0 - theta) / 2.0;
        ZenithalGeometry.FromPolar(2.0 * R0 * Degrees.Sin(half) / Degrees.Cos(half), phi, out x, out y);
    }
}
