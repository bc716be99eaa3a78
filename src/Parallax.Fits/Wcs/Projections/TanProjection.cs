namespace Parallax.Fits.Wcs.Projections;

/// <summary>
/// TAN, the gnomonic projection (paper II, section 5.1.3): R = R0 cot(theta). Only the near
/// hemisphere (theta &gt; 0) can be projected; points with theta &lt;= 0 give NaN.
/// </summary>
public sealed class TanProjection : IProjection
{
    /// <inheritdoc/>
    public string Code => "TAN";

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
        // atan2 rather than atan(R0 / r): exact at r = 0 and well conditioned near the pole.
        theta = Degrees.Atan2(ZenithalGeometry.R0, r);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        var (s, c) = Degrees.SinCos(theta);
        if (!(s > 0.0))
        {
            x = y = double.NaN;
            return;
        }
        ZenithalGeometry.FromPolar(ZenithalGeometry.R0 * c / s, phi, out x, out y);
    }
}
