namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// TAN, the gnomonic projection (paper II, section 5.1.3): R = R0 cot(theta). Only the near
/// hemisphere (theta &gt; 0) can be projected; points with theta &lt;= 0 give NaN.
/// </summary>
public sealed class TanProjection : IProjection, INativeVectorProjection
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

    bool INativeVectorProjection.PlaneToNativeVector(double x, double y, out double n1, out double n2, out double n3)
    {
        // The native direction of plane point (x, y) is along (x, -y, R0).
        var h = Math.Sqrt(x * x + y * y + ZenithalGeometry.R0 * ZenithalGeometry.R0);
        n1 = x / h;
        n2 = -y / h;
        n3 = ZenithalGeometry.R0 / h;
        return !double.IsNaN(h);
    }

    bool INativeVectorProjection.NativeVectorToPlane(double n1, double n2, double n3, out double x, out double y)
    {
        if (!(n3 > 0.0))
        {
            x = y = double.NaN;
            return false;
        }
        x = ZenithalGeometry.R0 * n1 / n3;
        y = -ZenithalGeometry.R0 * n2 / n3;
        return true;
    }
}
