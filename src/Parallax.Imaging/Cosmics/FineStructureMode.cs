namespace Parallax.Imaging.Cosmics;

/// <summary>How the fine-structure image, which protects compact stars from being taken for cosmic rays, is built (astroscrappy's fsmode).</summary>
public enum FineStructureMode
{
    /// <summary>van Dokkum's F = M3 − M3∗M7: a 3 × 3 median (5-pixel separable) less its 7 × 7 median (9-pixel separable).</summary>
    Median,

    /// <summary>The image convolved with a PSF kernel (<see cref="PsfModel"/>, FWHM) in place of the small median, less its 7 × 7 median.</summary>
    Convolve,
}
