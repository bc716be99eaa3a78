namespace Parallax.Fits.Coordinates.Projections;

/// <summary>
/// CEA, the cylindrical equal-area projection (paper II, section 5.2.2): x = phi,
/// y = R0 sin(theta) / lambda with lambda = PV2_1 (default 1, must lie in (0, 1]). Plane points beyond
/// the poles or with |x| &gt; 180 give NaN.
/// </summary>
public sealed class CeaProjection : IProjection
{
    private const double R0 = ZenithalGeometry.R0;
    private const double Tolerance = 1e-13;
    private readonly double _lambda;

    /// <summary>Creates the projection.</summary>
    /// <param name="lambda">PV2_1, the squared cosine of the latitude of true scale; in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is outside (0, 1].</exception>
    public CeaProjection(double lambda = 1.0)
    {
        if (!(lambda > 0.0 && lambda <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "CEA needs 0 < lambda (PV2_1) <= 1");
        _lambda = lambda;
        Parameters = new Dictionary<int, double> { [1] = lambda };
    }

    /// <inheritdoc/>
    public string Code => "CEA";

    /// <inheritdoc/>
    public ProjectionFamily Family => ProjectionFamily.Cylindrical;

    /// <inheritdoc/>
    public double Theta0 => 0.0;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, double> Parameters { get; }

    /// <inheritdoc/>
    public void PlaneToNative(double x, double y, out double phi, out double theta)
    {
        var s = _lambda * y / R0;
        if (Math.Abs(s) > 1.0)
        {
            if (!(Math.Abs(s) <= 1.0 + Tolerance)) { phi = theta = double.NaN; return; }
            s = Math.CopySign(1.0, s);
        }
        phi = x;
        theta = Degrees.Asin(s);
        NativeBounds.Check(ref phi, ref theta);
    }

    /// <inheritdoc/>
    public void NativeToPlane(double phi, double theta, out double x, out double y)
    {
        x = phi;
        y = R0 * Degrees.Sin(theta) / _lambda;
    }
}
