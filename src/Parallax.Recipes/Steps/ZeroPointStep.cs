using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Imaging.Astrometry;
using Parallax.Imaging.Photometry;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>
/// Photometric zero point of a detrended frame from the stars its astrometry matched: aperture photometry against
/// the catalog band of the frame's filter (and the instrument file's colour term columns when both are in the
/// catalog); writes MAGZPT / MAGZPTE into the header. Also builds the <c>ASTROM</c> table of matched stars.
/// </summary>
public static class ZeroPointStep
{
    /// <summary>Measures the zero point; null (with the reason in <paramref name="history"/>) when the catalog has no band for the filter, the exposure time is unknown or no FWHM was measured.</summary>
    /// <param name="image">The detrended frame (electrons: the zero point is then the magnitude of 1 e⁻/s).</param>
    /// <param name="frame">The raw frame (exposure time).</param>
    /// <param name="astrometry">A successful astrometric solution of the frame.</param>
    /// <param name="catalog">The reference catalog.</param>
    /// <param name="band">The catalog column of the frame's filter, or null.</param>
    /// <param name="colour">The colour's two catalog columns, or null.</param>
    /// <param name="history">Receives one line on what was done.</param>
    public static ZeroPointResult? Measure(MaskedImage image, RecipeFrame frame, AstrometricSolution astrometry, ReferenceCatalog catalog, string? band, (string First, string Second)? colour, List<string> history)
    {
        if (band is null)
        {
            history.Add("reduce_image: zero point skipped: the reference catalog has no magnitudes for this frame's filter (map it in the instrument file's photometry.bands)");
            return null;
        }
        if (frame.ExposureTime is not (> 0 and var exposure))
        {
            history.Add("reduce_image: zero point skipped: the frame has no positive exposure time");
            return null;
        }
        if (!(astrometry.Fwhm > 0))
        {
            history.Add("reduce_image: zero point skipped: no stellar FWHM was measured");
            return null;
        }
        var mags = catalog.Magnitudes(band)!;
        var first = colour is { } c ? catalog.Magnitudes(c.First) : null;
        var second = colour is { } d ? catalog.Magnitudes(d.Second) : null;
        var useColour = first is not null && second is not null;
        var stars = astrometry.Matches.Select(m => new ZeroPointStar(m.X, m.Y, mags[m.CatalogIndex],
            useColour ? first![m.CatalogIndex] - second![m.CatalogIndex] : double.NaN)).ToList();
        var result = ZeroPointCalculator.Measure(image, stars, exposure, astrometry.Fwhm, new ZeroPointParameters { FitColourTerm = useColour }, astrometry.Detections);
        var unit = image.Unit == PixelUnits.Electron ? "e-/s" : $"{image.Unit}/s";
        if (result.Succeeded)
        {
            image.Header.Set("MAGZPT", Math.Round(result.ZeroPoint, 5), $"[mag] zero point: m = MAGZPT - 2.5 log10({unit})");
            image.Header.Set("MAGZPTE", Math.Round(result.Error, 5), "[mag] error of MAGZPT");
            history.Add($"reduce_image: zero point against catalog column {band}: {result.Message}");
        }
        else history.Add($"reduce_image: zero point failed: {result.Message}");
        return result;
    }

    /// <summary>
    /// The <c>ASTROM</c> table: one row per matched star with X, Y (ONE-BASED pixels), RA, DEC (degrees), DX, DY (measured
    /// minus fitted, pixels), MAG_CAT (catalog magnitude in the filter's band, NaN when unknown) and MAG_INST
    /// (−2.5 log10 of the aperture-corrected flux per second, NaN when not measured).
    /// </summary>
    public static ProductTable AstromTable(AstrometricSolution astrometry, ReferenceCatalog catalog, string? band, ZeroPointResult? zeroPoint, double? airmass)
    {
        var m = astrometry.Matches;
        var mags = band is null ? null : catalog.Magnitudes(band);
        var table = new BinaryTable(m.Count);
        table.AddColumn("X", m.Select(s => s.X + 1).ToArray(), options: new ColumnOptions { Unit = "pixel" });
        table.AddColumn("Y", m.Select(s => s.Y + 1).ToArray(), options: new ColumnOptions { Unit = "pixel" });
        table.AddColumn("RA", m.Select(s => s.Ra).ToArray(), options: new ColumnOptions { Unit = "deg" });
        table.AddColumn("DEC", m.Select(s => s.Dec).ToArray(), options: new ColumnOptions { Unit = "deg" });
        table.AddColumn("DX", m.Select(s => s.Dx).ToArray(), options: new ColumnOptions { Unit = "pixel" });
        table.AddColumn("DY", m.Select(s => s.Dy).ToArray(), options: new ColumnOptions { Unit = "pixel" });
        table.AddColumn("MAG_CAT", m.Select(s => mags is null ? double.NaN : mags[s.CatalogIndex]).ToArray(), options: new ColumnOptions { Unit = "mag" });
        var inst = zeroPoint?.InstrumentalMagnitudes;
        table.AddColumn("MAG_INST", Enumerable.Range(0, m.Count).Select(i => inst is not null && i < inst.Count ? inst[i] : double.NaN).ToArray(), options: new ColumnOptions { Unit = "mag" });
        var header = new Header();
        if (band is not null) header.Set("BAND", band, "reference catalog column of MAG_CAT");
        if (airmass is { } x) header.Set("AIRMASS", x, "airmass of the frame");
        if (zeroPoint is { Succeeded: true } zp)
        {
            header.Set("MAGZPT", Math.Round(zp.ZeroPoint, 5), "[mag] zero point of the frame");
            header.Set("MAGZPTE", Math.Round(zp.Error, 5), "[mag] error of MAGZPT");
        }
        header.Set("RMS_PX", Math.Round(astrometry.RmsPixels, 5), "[pixel] astrometric rms (radial)");
        header.Set("RMS_AS", Math.Round(astrometry.RmsArcsec, 5), "[arcsec] astrometric rms (radial)");
        return new ProductTable { Name = "ASTROM", Table = table, Header = header };
    }
}
