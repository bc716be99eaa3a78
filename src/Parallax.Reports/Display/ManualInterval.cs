using Parallax.Imaging;

namespace Parallax.Reports.Display;

/// <summary>Fixed limits given by the caller (astropy's <c>ManualInterval</c>); the values are not looked at.</summary>
/// <param name="Min">The value shown as black, in the image's units.</param>
/// <param name="Max">The value shown as white, in the image's units.</param>
public sealed record ManualInterval(double Min, double Max) : IInterval
{
    /// <inheritdoc/>
    public DisplayLimits GetLimits(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable) => new(Min, Max);
}
