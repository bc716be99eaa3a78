namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// MER, Mercator's projection (paper II, section 5.2.4): x = phi, y = R0 ln tan((90 + theta) / 2).
/// The poles cannot be projected and give NaN, as do plane points with |x| &gt; 180.
/// </summary>
public sealed class MerProjection : IProjection
{
    private const double R0 = ZenithalGeometry.R0;

    /// <inheritdoc/>
    public string Code => "MER";

    /// <inheritdoc/>
    public ProjectionFamily Family => ProjectionFamily.Cylindrical;

    /// <inheritdoc/>
    public double Theta0 => 0.0;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> Parameters => ZenithalGeometry.NoParameters;

    /// <inheritdoc/>
    public void PlaneToNative(double x, double y, out double phi, out double theta)
    {
        phi = x;
        theta = 2.0 * Degrees.Atan(Math.Exp(y / R0)) - 90.0;
        NativeBounds.Check(ref phi, ref theta);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        if (!(Math.Abs(theta) < 90.0))
        {
            x = y = double.NaN;
            return;
        }
        var half = (90.0 + theta) / 2.0;
        x = phi;
        y = R0 * Math.Log(Degrees.Sin(half) / Degrees.Cos(half));
    }
}
