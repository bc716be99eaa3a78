namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// STG, the stereographic projection (paper II, section 5.1.4): R = 2 R0 tan((90 - theta) / 2).
/// The whole plane deprojects; the antipode of the reference point (theta = -90) gives NaN.
/// </summary>
public sealed class StgProjection : IProjection, INativeVectorProjection
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

    bool INativeVectorProjection.PlaneToNativeVector(double x, double y, out double n1, out double n2, out double n3)
    {
        // With t = tan((90 - theta) / 2) = r / (2 R0): sin(theta) = (1 - t^2) / (1 + t^2), cos(theta) = 2 t / (1 + t^2).
        var t2 = (x * x + y * y) / (4.0 * R0 * R0);
        var k = 1.0 / (R0 * (1.0 + t2));
        n1 = k * x;
        n2 = -k * y;
        n3 = (1.0 - t2) / (1.0 + t2);
        return !double.IsNaN(n3);
    }

    bool INativeVectorProjection.NativeVectorToPlane(double n1, double n2, double n3, out double x, out double y)
    {
        var onePlus = 1.0 + n3;
        if (!(onePlus > 0.0))
        {
            x = y = double.NaN;
            return false;
        }
        var k = 2.0 * R0 / onePlus;
        x = k * n1;
        y = -k * n2;
        return true;
    }
}
