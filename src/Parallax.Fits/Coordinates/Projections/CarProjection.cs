namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// CAR, the plate carree projection (paper II, section 5.2.3): x = phi, y = theta. Plane points with
/// |x| &gt; 180 or |y| &gt; 90 give NaN.
/// </summary>
public sealed class CarProjection : IProjection
{
    /// <inheritdoc/>
    public string Code => "CAR";

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
        theta = y;
        NativeBounds.Check(ref phi, ref theta);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        x = phi;
        y = theta;
    }
}
