namespace Parallax.Spectroscopy.Extraction;

/// <summary>How a spectrum was extracted.</summary>
public enum ExtractionMethod
{
    /// <summary>A plain sum over a fixed aperture about the trace.</summary>
    Boxcar,

    /// <summary>Horne (1986) profile-weighted extraction.</summary>
    Optimal,
}
