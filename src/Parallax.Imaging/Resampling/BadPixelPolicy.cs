namespace Parallax.Imaging.Resampling;

/// <summary>
/// What an interpolated sample does when its kernel support (the input pixels with a non-zero weight) contains a
/// pixel that cannot be used: one whose mask has a rejected bit, whose value is NaN or infinite, or that lies
/// outside the image.
/// </summary>
public enum BadPixelPolicy
{
    /// <summary>
    /// The sample is dropped: NaN value and variance, mask <see cref="MaskBits.NoData"/> together with the bits
    /// of the offending pixels, coverage 0. Conservative: a bad pixel spoils every output pixel whose kernel
    /// touches it, and the footprint shrinks by the kernel radius at the image edges.
    /// </summary>
    Reject,

    /// <summary>
    /// The bad pixels are left out and the remaining weights renormalised to sum 1, as long as they hold at least
    /// the minimum coverage (<see cref="ResampleParameters.MinimumCoverage"/>) of the kernel weight; otherwise the sample is
    /// dropped as with <see cref="Reject"/>. A sample that lost a masked or non-finite pixel gets
    /// <see cref="MaskBits.Interpolated"/>, one that lost pixels beyond the image edge gets <see cref="MaskBits.Edge"/>.
    /// </summary>
    Renormalise,
}
