using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Photometry;

/// <summary>
/// One circular aperture measurement. <see cref="Flux"/> = <see cref="Sum"/> − <see cref="Sky"/> × <see cref="Area"/>.
/// </summary>
/// <param name="Sum">Σ fraction × value over the usable pixels touched by the aperture (image unit).</param>
/// <param name="Area">Σ fraction over those pixels (px²): πr² less the masked and off-image parts.</param>
/// <param name="Sky">Local sky per pixel (sigma-clipped median of the annulus); 0 without an annulus or with too few sky pixels.</param>
/// <param name="SkySigma">Clipped standard deviation of the annulus pixels; 0 without a local sky.</param>
/// <param name="SkyPixels">Annulus pixels kept after clipping.</param>
/// <param name="Flux">Sum minus the local sky (image unit).</param>
/// <param name="FluxError">√(Σ fraction × variance + Area² × SkySigma² / SkyPixels): pixel noise plus the uncertainty of the sky level.</param>
/// <param name="Flags">Aperture flags (<see cref="SourceFlags.ApertureTruncated"/>, <see cref="SourceFlags.ApertureMasked"/>, <see cref="SourceFlags.SkyFallback"/>).</param>
public readonly record struct ApertureMeasurement(double Sum, double Area, double Sky, double SkySigma, int SkyPixels, double Flux, double FluxError, SourceFlags Flags);
