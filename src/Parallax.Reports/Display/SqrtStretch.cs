namespace Parallax.Reports.Display;

/// <summary>y = √x (astropy's <c>SqrtStretch</c>): brings up faint structure a little.</summary>
public sealed record SqrtStretch : IStretch
{
    /// <inheritdoc/>
    public double Apply(double normalised) => Math.Sqrt(LinearStretch.Clip(normalised));
}
