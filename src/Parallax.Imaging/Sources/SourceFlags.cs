namespace Parallax.Imaging.Sources;

/// <summary>Quality flags of a detected source (bits; several may be set). The values are written to catalogs: never renumber them.</summary>
[Flags]
public enum SourceFlags : int
{
    /// <summary>No problem.</summary>
    None = 0,

    /// <summary>Split from a blend by deblending (SExtractor flag 2): its pixels were shared out with neighbours.</summary>
    Blended = 1 << 0,

    /// <summary>The isophote touches the image edge: the source is truncated (SExtractor flag 8).</summary>
    Truncated = 1 << 1,

    /// <summary>At least one pixel of the isophote is flagged <see cref="MaskBits.Saturated"/> (SExtractor flag 4).</summary>
    Saturated = 1 << 2,

    /// <summary>At least one pixel of the isophote is masked (an unusable bit other than saturation) or NaN; it counted as zero.</summary>
    MaskedPixels = 1 << 3,

    /// <summary>The second moments were singular (a source one pixel wide); ¹⁄₁₂ px² was added to both axes.</summary>
    Singular = 1 << 4,

    /// <summary>The windowed centroid did not converge or left the image; it holds the isophotal barycentre.</summary>
    WindowFailed = 1 << 5,

    /// <summary>The photometric aperture extends beyond the image.</summary>
    ApertureTruncated = 1 << 6,

    /// <summary>The photometric aperture holds masked or NaN pixels, which were left out (the flux is not corrected for them).</summary>
    ApertureMasked = 1 << 7,

    /// <summary>The sky annulus had too few usable pixels (fewer than 10): the sky is the global background.</summary>
    SkyFallback = 1 << 8,
}
