namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// One emission line found in an arc spectrum by <see cref="ArcLineFinder"/>: a Gaussian on a local constant
/// fitted to the pixels around a peak. Positions are zero-based columns of the spectrum (pixel centres integral).
/// </summary>
/// <param name="Centre">Fitted centre, pixels.</param>
/// <param name="CentreError">1σ statistical error of the centre, pixels (from the fit's covariance and the spectrum's variance;
/// flat-field structure and unseen neighbours are not in it).</param>
/// <param name="Amplitude">Fitted peak height above the local background, in the spectrum's units.</param>
/// <param name="Fwhm">Fitted full width at half maximum, pixels.</param>
/// <param name="Significance">Peak height over the noise at the peak.</param>
/// <param name="IsBlend">True when the line is judged blended (a neighbour within the fit window, a width far above the
/// typical width, or a centre pulled off the peak): kept in the list but not used for identification or fitting.</param>
public sealed record ArcLine(double Centre, double CentreError, double Amplitude, double Fwhm, double Significance, bool IsBlend);
