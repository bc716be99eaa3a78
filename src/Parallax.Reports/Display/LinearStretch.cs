namespace Parallax.Reports.Display;

/// <summary>y = slope·x + intercept (astropy's <c>LinearStretch</c>), on x clipped to 0..1.</summary>
/// <param name="Slope">Multiplies the normalised value.</param>
/// <param name="Intercept">Added after the slope.</param>
public sealed record LinearStretch(double Slope = 1, double Intercept = 0) : IStretch
{
    /// <inheritdoc/>
    public double Apply(double normalised) => Clip(normalised) * Slope + Intercept;

    internal static double Clip(double x) => x < 0 ? 0 : x > 1 ? 1 : x;
}
