using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Headers;
using Parallax.Imaging;
using Parallax.Imaging.Astrometry;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>
/// Astrometric calibration of a detrended frame against the run's reference catalog: the header's approximate WCS
/// (its reference pixel already moved with the trim) is the starting point; the catalog's proper motions are
/// applied to the frame's epoch (MJD-OBS, else DATE-OBS); the catalog band of the frame's filter ranks the stars.
/// </summary>
public static class AstrometryStep
{
    /// <summary>Solves the WCS of <paramref name="image"/>; null (with the reason in <paramref name="history"/>) when the frame has no usable header WCS.</summary>
    /// <param name="image">The detrended frame; its header holds the approximate WCS.</param>
    /// <param name="frame">The raw frame (primary header: FILTER, MJD-OBS / DATE-OBS).</param>
    /// <param name="catalog">The reference catalog.</param>
    /// <param name="band">The catalog column of the frame's filter, or null.</param>
    /// <param name="sipOrder">SIP order (0: TAN only).</param>
    /// <param name="history">Receives one line on what was done.</param>
    public static AstrometricSolution? Solve(MaskedImage image, RecipeFrame frame, ReferenceCatalog catalog, string? band, int sipOrder, List<string> history)
    {
        Wcs approximate;
        try
        {
            approximate = Wcs.FromHeader(image.Header);
        }
        catch (FitsFormatException e)
        {
            history.Add($"reduce_image: astrometry skipped: the frame has no usable header WCS to start from ({e.Message})");
            return null;
        }
        var epoch = Epoch(frame.PrimaryHeader) ?? Epoch(image.Header) ?? double.NaN;
        var solution = AstrometricSolver.Solve(image, approximate, catalog, new AstrometryParameters { SipOrder = sipOrder, Band = band, Epoch = epoch });
        history.Add(solution.Succeeded
            ? $"reduce_image: astrometry: {solution.Message}"
            : $"reduce_image: astrometry failed: {solution.Message}; the header WCS is kept");
        return solution;
    }

    /// <summary>The catalog column of the frame's filter (instrument mapping, else the filter's own name), or null when the catalog lacks it.</summary>
    public static string? Band(RecipeFrame frame, MaskedImage image, RecipeInput input, ReferenceCatalog catalog)
    {
        var filter = frame.PrimaryHeader.GetString("FILTER", null) ?? image.Header.GetString("FILTER", null);
        if (filter is null) return null;
        var band = input.Photometry?.BandFor(filter.Trim()) ?? filter.Trim();
        return catalog.HasBand(band) ? band : null;
    }

    /// <summary>Julian year of the observation from MJD-OBS or DATE-OBS; null when neither is usable.</summary>
    private static double? Epoch(Header header)
    {
        if (header.TryGetDouble("MJD-OBS", out var mjd) && double.IsFinite(mjd)) return 2000.0 + (mjd - 51544.5) / 365.25;
        if (header.GetString("DATE-OBS", null) is { } date
            && DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            return 2000.0 + (t - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays / 365.25;
        return null;
    }
}
