namespace Parallax.Reports.Plots;

/// <summary>One arc line of a wavelength solution.</summary>
/// <param name="Wavelength">Its laboratory wavelength (in the plot's wavelength unit).</param>
/// <param name="Residual">Fitted minus laboratory wavelength, in the same unit.</param>
/// <param name="Used">False when the fit rejected the line (drawn as a cross, left out of the RMS).</param>
public readonly record struct ArcLineResidual(double Wavelength, double Residual, bool Used = true);
