namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>One entry of a standard star's flux table.</summary>
/// <param name="Wavelength">Centre of the band, Å.</param>
/// <param name="Flambda">Mean flux density in the band, erg s⁻¹ cm⁻² Å⁻¹.</param>
/// <param name="Bandpass">Full width of the band, Å (0: the value at the centre wavelength).</param>
public readonly record struct FluxStandardPoint(double Wavelength, double Flambda, double Bandpass);
