namespace Parallax.Reports.Display;

/// <summary>
/// Chooses the display limits of an image from its values, as the intervals of
/// <c>astropy.visualization</c> do. Non-finite values are ignored, and so are pixels whose mask has
/// any of the rejected bits set.
/// </summary>
public interface IInterval
{
    /// <summary>The limits of <paramref name="values"/>; NaN limits when no value is usable.</summary>
    /// <param name="values">Pixel values in row order (FITS row 1 first), in the image's units.</param>
    /// <param name="mask">Mask bits per value, or empty for none.</param>
    /// <param name="reject">Mask bits that exclude a pixel.</param>
    DisplayLimits GetLimits(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, Imaging.MaskBits reject = Imaging.MaskBits.Unusable);
}
