namespace Parallax.Imaging;

/// <summary>
/// Data-quality bits of a <see cref="MaskedImage"/> pixel (the DQ extension of a product). A pixel
/// whose mask is zero is good. Several bits may be set at once; arithmetic ORs masks, so a flag
/// set on any input survives into every product made from it. The values are part of the file
/// format: never renumber them.
/// </summary>
[Flags]
public enum MaskBits : ushort
{
    /// <summary>No problem known.</summary>
    None = 0,

    /// <summary>A known defective detector pixel (from the bad-pixel map): its value means nothing.</summary>
    BadPixel = 1 << 0,

    /// <summary>The raw value reached the saturation level (full well or ADC maximum): the true signal is larger than recorded.</summary>
    Saturated = 1 << 1,

    /// <summary>Hit by a cosmic ray (found by a detector such as L.A.Cosmic, or rejected as a single-frame outlier).</summary>
    CosmicRay = 1 << 2,

    /// <summary>Hot pixel: dark current far above its neighbours; its value is unreliable after dark subtraction.</summary>
    Hot = 1 << 3,

    /// <summary>Cold (dead or low-response) pixel: response far below its neighbours in the flat field.</summary>
    Cold = 1 << 4,

    /// <summary>The raw value lies in the non-linear part of the detector response: usable after correction, but less certain.</summary>
    Nonlinear = 1 << 5,

    /// <summary>No data: outside the detector, an unread region, or no input frame contributed to this pixel of a combined product.</summary>
    NoData = 1 << 6,

    /// <summary>Strongly vignetted (low illumination at the edge of the field): flat-fielding there amplifies noise.</summary>
    Vignetted = 1 << 7,

    /// <summary>Rejected by an algorithm (outlier rejection, clipping); the value was not used.</summary>
    Rejected = 1 << 8,

    /// <summary>The value was interpolated from neighbouring pixels rather than measured: good to look at, not for photometry.</summary>
    Interpolated = 1 << 9,

    /// <summary>Near the image edge (within a kernel or resampling footprint): results there rest on fewer pixels.</summary>
    Edge = 1 << 10,

    /// <summary>
    /// Pixels whose value must not be used in a measurement or a combination: <see cref="BadPixel"/>,
    /// <see cref="Saturated"/>, <see cref="CosmicRay"/>, <see cref="Hot"/>, <see cref="Cold"/>,
    /// <see cref="NoData"/> and <see cref="Rejected"/>. Nonlinear, vignetted, interpolated and edge
    /// pixels carry a value that is still usable, so they are not part of it.
    /// </summary>
    Unusable = BadPixel | Saturated | CosmicRay | Hot | Cold | NoData | Rejected,

    /// <summary>Defects of the detector itself, as a bad-pixel map records them: bad, hot and cold pixels.</summary>
    DetectorDefect = BadPixel | Hot | Cold,

    /// <summary>Every defined bit.</summary>
    All = BadPixel | Saturated | CosmicRay | Hot | Cold | Nonlinear | NoData | Vignetted | Rejected | Interpolated | Edge,
}
