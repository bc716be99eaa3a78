namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// SFL, the Sanson-Flamsteed (global sinusoidal) projection (paper II, section 5.3.1):
/// x = phi cos(theta), y = theta. Plane points outside the sinusoidal boundary give NaN.
/// </summary>
public sealed class SflProjection : IProjection
{
    /// <inheritdoc/>
    public string Code => "SFL";

    /// <inheritdoc/>
    public ProjectionFamily Family => ProjectionFamily.PseudoCylindrical;

    /// <inheritdoc/>
    public double Theta0 => 0.0;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> Parameters => ZenithalGeometry.NoParameters;

    /// <inheritdoc/>
    public void PlaneToNative(double x, double y, out double phi, out double theta)
    {
        theta = y;
        var c = Degrees.Cos(y);
        // At a pole every longitude is the same point.
        phi = c == 0.0 ? 0.0 : x / c;
        NativeBounds.Check(ref phi, ref theta);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        x = phi * Degrees.Cos(theta);
        y = theta;
    }
}
