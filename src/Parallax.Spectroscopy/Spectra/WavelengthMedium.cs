namespace Parallax.Spectroscopy.Spectra;

/// <summary>Whether a spectrum's wavelengths are measured in air (the usual ground-based arc line lists) or in vacuum.</summary>
public enum WavelengthMedium
{
    /// <summary>Standard air wavelengths (IRAF line lists, the simulator). FITS AIRORVAC = 'air'.</summary>
    Air,

    /// <summary>Vacuum wavelengths. FITS AIRORVAC = 'vac'.</summary>
    Vacuum,
}
