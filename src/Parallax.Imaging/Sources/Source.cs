namespace Parallax.Imaging.Sources;

/// <summary>
/// One detected source and its measurements. Positions are zero-based pixel coordinates with pixel
/// centres at integers (pixel (0, 0) covers −0.5..0.5); catalogs on disk add 1 (FITS convention).
/// Fluxes are in the image unit summed over pixels, after background subtraction; NaN means "not
/// measured" (aperture columns before photometry, for example).
/// </summary>
public sealed record Source
{
    /// <summary>1-based running number in the catalog.</summary>
    public int Number { get; init; }

    /// <summary>Isophotal barycentre x (weights: the filtered values, as sep and SExtractor), pixels.</summary>
    public double X { get; init; }

    /// <summary>Isophotal barycentre y, pixels.</summary>
    public double Y { get; init; }

    /// <summary>Windowed centroid x (SExtractor XWIN_IMAGE: Gaussian window of σ = FWHM / 2.3548, iterated), pixels.</summary>
    public double XWin { get; init; } = double.NaN;

    /// <summary>Windowed centroid y (YWIN_IMAGE), pixels.</summary>
    public double YWin { get; init; } = double.NaN;

    /// <summary>Pixels in the isophote (above the threshold in the filtered image).</summary>
    public int PixelCount { get; init; }

    /// <summary>Isophotal flux: the sum of the background-subtracted pixels of the isophote (image unit).</summary>
    public double FluxIso { get; init; }

    /// <summary>1σ error of <see cref="FluxIso"/> from the variance plane (or the background RMS where the variance is 0).</summary>
    public double FluxIsoError { get; init; }

    /// <summary>Second moment ⟨x²⟩ − x̄² over the isophote, px².</summary>
    public double X2 { get; init; }

    /// <summary>Second moment ⟨y²⟩ − ȳ², px².</summary>
    public double Y2 { get; init; }

    /// <summary>Second moment ⟨xy⟩ − x̄ȳ, px².</summary>
    public double XY { get; init; }

    /// <summary>Semi-major axis RMS (SExtractor A_IMAGE), pixels.</summary>
    public double A { get; init; }

    /// <summary>Semi-minor axis RMS (B_IMAGE), pixels.</summary>
    public double B { get; init; }

    /// <summary>Position angle of the major axis, radians counter-clockwise from +x, in (−π/2, π/2].</summary>
    public double Theta { get; init; }

    /// <summary>1 − B/A.</summary>
    public double Ellipticity => A > 0 ? 1 - B / A : 0;

    /// <summary>Full width at half maximum, pixels: from the windowed second moments assuming a Gaussian profile (NaN when the window failed).</summary>
    public double Fwhm { get; init; } = double.NaN;

    /// <summary>Highest background-subtracted pixel value of the isophote (image unit).</summary>
    public double Peak { get; init; }

    /// <summary>Column of the peak pixel.</summary>
    public int XPeak { get; init; }

    /// <summary>Row of the peak pixel.</summary>
    public int YPeak { get; init; }

    /// <summary>Bounding box of the isophote: first column.</summary>
    public int XMin { get; init; }

    /// <summary>Bounding box: last column.</summary>
    public int XMax { get; init; }

    /// <summary>Bounding box: first row.</summary>
    public int YMin { get; init; }

    /// <summary>Bounding box: last row.</summary>
    public int YMax { get; init; }

    /// <summary>Circular aperture flux minus the local sky (image unit); NaN before photometry.</summary>
    public double FluxAperture { get; init; } = double.NaN;

    /// <summary>1σ error of <see cref="FluxAperture"/>: pixel variances plus the sky's uncertainty.</summary>
    public double FluxApertureError { get; init; } = double.NaN;

    /// <summary>Local sky per pixel subtracted from the aperture (image unit, on top of the background model); 0 without an annulus.</summary>
    public double LocalSky { get; init; } = double.NaN;

    /// <summary>Quality flags.</summary>
    public SourceFlags Flags { get; init; }
}
