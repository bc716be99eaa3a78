namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>One flux-table band measured on the standard's spectrum.</summary>
/// <param name="Wavelength">Band centre, Å.</param>
/// <param name="Bandpass">Band width, Å.</param>
/// <param name="Flambda">The table's f_λ, erg s⁻¹ cm⁻² Å⁻¹.</param>
/// <param name="CountRate">Measured electrons s⁻¹ Å⁻¹ above the atmosphere (extinction corrected); NaN when not measured.</param>
/// <param name="Magnitude">2.5 log₁₀(CountRate / f_λ), mag; NaN when not measured.</param>
/// <param name="MagnitudeError">1σ error of <paramref name="Magnitude"/> from the spectrum's variance (before the floor), mag.</param>
/// <param name="Status">Used, rejected, masked or without data.</param>
public readonly record struct SensitivityPoint(double Wavelength, double Bandpass, double Flambda, double CountRate, double Magnitude, double MagnitudeError, SensitivityPointStatus Status);
