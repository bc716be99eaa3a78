namespace Parallax.Simulation.Imaging;

/// <summary>A dust shadow in the flat field: an annulus (the out-of-focus pupil) in binned trimmed pixels.</summary>
/// <param name="X">Centre column.</param>
/// <param name="Y">Centre row.</param>
/// <param name="Radius">Outer radius, pixels.</param>
/// <param name="Depth">Fractional light loss in the annulus.</param>
/// <param name="Surface">"window" (every filter) or the filter's name.</param>
internal sealed record DustDonut(double X, double Y, double Radius, double Depth, string Surface)
{
    /// <summary>Central obstruction of the pupil: the inner radius is this fraction of the outer one.</summary>
    public const double InnerFraction = 0.45;

    /// <summary>Transmission at a pixel (1 outside the donut), with edges softened over about a pixel.</summary>
    public double Transmission(double x, double y)
    {
        var r = Math.Sqrt((x - X) * (x - X) + (y - Y) * (y - Y));
        var outer = 1 / (1 + Math.Exp((r - Radius) / 0.7));
        var inner = 1 / (1 + Math.Exp((InnerFraction * Radius - r) / 0.7));
        return 1 - Depth * outer * inner;
    }
}
