using Parallax.Imaging.Background;
using Parallax.Imaging.Photometry;
using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Coadd;

/// <summary>
/// The source catalog of a coadd: detection on the coadd (<see cref="SourceDetector"/>), then circular-aperture photometry
/// (<see cref="AperturePhotometry"/>) with a radius in units of the median stellar FWHM and a local sky annulus, on the
/// background-subtracted coadd. Fluxes are in the coadd's unit (counts per second).
/// </summary>
public static class CoaddCatalog
{
    /// <summary>Detects and measures the sources of <paramref name="coadd"/>.</summary>
    /// <param name="coadd">The coadd (NoData pixels are left out).</param>
    /// <param name="detectSigma">Detection threshold in units of the background RMS.</param>
    /// <param name="apertureFwhm">Aperture radius in units of the median FWHM (at least 2 pixels).</param>
    /// <returns>The measured catalog, the median FWHM of the well-measured sources (pixels; NaN without any) and the aperture radius used (pixels).</returns>
    public static (SourceCatalog Catalog, double Fwhm, double Radius) Measure(MaskedImage coadd, double detectSigma, double apertureFwhm)
    {
        ArgumentNullException.ThrowIfNull(coadd);
        var background = BackgroundEstimator.Estimate(coadd);
        var catalog = SourceDetector.Detect(coadd, background, new DetectionParameters { Threshold = detectSigma });
        var fwhm = MedianFwhm(catalog);
        var radius = Math.Max(2.0, apertureFwhm * (double.IsFinite(fwhm) ? fwhm : 2.0));
        var subtracted = background.Subtract(coadd);
        var aperture = new ApertureParameters { Radius = radius, AnnulusInner = radius + 3, AnnulusOuter = radius + 8 };
        return (AperturePhotometry.Measure(catalog, subtracted, aperture), fwhm, radius);
    }

    /// <summary>Median FWHM of unflagged sources detected at 20σ or more (mostly stars), pixels; NaN when there are none.</summary>
    public static double MedianFwhm(SourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var values = catalog.Sources
            .Where(s => s.Flags == SourceFlags.None && double.IsFinite(s.Fwhm) && s.Fwhm > 0 && s.FluxIsoError > 0 && s.FluxIso / s.FluxIsoError >= 20)
            .Select(s => s.Fwhm).Order().ToArray();
        if (values.Length == 0) return double.NaN;
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : 0.5 * (values[m - 1] + values[m]);
    }
}
