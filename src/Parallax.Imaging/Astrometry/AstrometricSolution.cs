using Parallax.Fits.Coordinates;

namespace Parallax.Imaging.Astrometry;

/// <summary>
/// The outcome of <see cref="AstrometricSolver"/>: the fitted TAN(+SIP) WCS on the image's pixels and the
/// stars it was fitted on, or (when <see cref="Succeeded"/> is false) the reason and the numbers behind it.
/// </summary>
public sealed class AstrometricSolution
{
    /// <summary>True when a WCS was fitted.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>One line: what was fitted (matches, rms, SIP order) or why it failed.</summary>
    public required string Message { get; init; }

    /// <summary>The fitted WCS (CRPIX at the image centre), or null on failure.</summary>
    public Wcs? Wcs { get; init; }

    /// <summary>Radial rms of the kept residuals, sqrt(mean(dx² + dy²)), pixels; NaN on failure.</summary>
    public double RmsPixels { get; init; } = double.NaN;

    /// <summary><see cref="RmsPixels"/> times the fitted pixel scale, arcsec; NaN on failure.</summary>
    public double RmsArcsec { get; init; } = double.NaN;

    /// <summary>The stars kept by the final fit, with their residuals (empty on failure).</summary>
    public IReadOnlyList<AstrometricMatch> Matches { get; init; } = [];

    /// <summary>Stars detected on the image and usable for astrometry.</summary>
    public int Detected { get; init; }

    /// <summary>Catalog stars projected onto the image (with its margin) by the header WCS.</summary>
    public int CatalogStars { get; init; }

    /// <summary>Matched pairs rejected by sigma clipping in the final fit.</summary>
    public int Rejected { get; init; }

    /// <summary>SIP order of the fitted WCS (0 = TAN only).</summary>
    public int SipOrder { get; init; }

    /// <summary>Shift of the reference point from the header WCS to the solution, arcsec (NaN on failure).</summary>
    public double PointingCorrectionArcsec { get; init; } = double.NaN;

    /// <summary>Every source detected on the frame (zero-based barycentres), saturated and blended ones included: the neighbours aperture photometry must avoid.</summary>
    public IReadOnlyList<(double X, double Y)> Detections { get; init; } = [];

    /// <summary>Median FWHM of the detected stars, pixels (NaN when unknown): for aperture photometry.</summary>
    public double Fwhm { get; init; } = double.NaN;

    /// <summary>The numbers behind the result, by name (detected, catalog_stars, matches, rms_px...): for an AlgorithmFailed outcome.</summary>
    public IReadOnlyDictionary<string, double> Numbers => new Dictionary<string, double>
    {
        ["detected"] = Detected,
        ["catalog_stars"] = CatalogStars,
        ["matches"] = Matches.Count,
        ["rejected"] = Rejected,
        ["rms_px"] = RmsPixels,
    };
}
