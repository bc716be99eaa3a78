namespace Parallax.Imaging.Cosmics;

/// <summary>How the pixels of a cosmic-ray hit are replaced between iterations and in the cleaned image (astroscrappy's cleantype).</summary>
public enum CleanType
{
    /// <summary>Mean of the good pixels in the 5 × 5 box around the pixel (neither cosmic ray nor masked); the default.</summary>
    MeanMask,

    /// <summary>Median of the good pixels in the 5 × 5 box around the pixel.</summary>
    MedMask,

    /// <summary>
    /// Unmasked 5 × 5 median of the image (cosmic rays and masked pixels included), as astroscrappy
    /// documents it; astroscrappy 1.1.0 itself writes near-zero values here, so only the masks, not
    /// the cleaned values, can be compared with it for this choice.
    /// </summary>
    Median,

    /// <summary>Inverse-distance-weighted mean (weight 1/r) of the good pixels in the 5 × 5 box.</summary>
    Idw,
}
