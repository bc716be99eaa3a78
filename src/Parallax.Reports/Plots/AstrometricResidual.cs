namespace Parallax.Reports.Plots;

/// <summary>One matched star of an astrometric fit: where it is on the detector and how far the fitted position lies from the catalogue's.</summary>
/// <param name="X">Column on the detector (pixels, FITS convention).</param>
/// <param name="Y">Row on the detector (pixels, FITS convention).</param>
/// <param name="Dx">Residual along x (measured − catalogue), in the plot's residual unit.</param>
/// <param name="Dy">Residual along y, in the same unit.</param>
public readonly record struct AstrometricResidual(double X, double Y, double Dx, double Dy);
