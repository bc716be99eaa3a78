namespace Parallax.Spectroscopy.Spectra;

/// <summary>
/// The unit of a <see cref="Spectrum1D"/>'s flux (and sky; its variance is in the unit squared). Counts are per
/// pixel of the spectrum; a flux density is per Ångström.
/// </summary>
public enum SpectrumUnit
{
    /// <summary>Photo-electrons collected in each pixel during the exposure (an extraction's output). FITS: <c>electron</c>.</summary>
    Electron,

    /// <summary>Photo-electrons per second in each pixel. FITS: <c>electron/s</c>.</summary>
    ElectronPerSecond,

    /// <summary>Flux density f_λ in erg s⁻¹ cm⁻² Å⁻¹ (a flux-calibrated spectrum). FITS: <c>erg s-1 cm-2 Angstrom-1</c>.</summary>
    FluxDensity,
}
