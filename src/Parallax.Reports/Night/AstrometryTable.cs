using Parallax.Fits;
using Parallax.Fits.Tables;
using Parallax.Reports.Plots;

namespace Parallax.Reports.Night;

/// <summary>
/// Reads the per-frame astrometric fit a REDUCED_IMAGE product may carry: a binary table ASTROM with one row per
/// matched star, X, Y (1-based pixels), DX, DY (residual in pixels; RA, DEC, MAG_CAT, MAG_INST are not needed here).
/// </summary>
internal static class AstrometryTable
{
    /// <summary>The table's extension name.</summary>
    public const string ExtensionName = "ASTROM";

    /// <summary>
    /// The residuals of the file's ASTROM table; null when there is no such table, it lacks one of X, Y, DX, DY, a
    /// column is not numeric or the data are truncated (the report shows no plot rather than failing). Rows with a
    /// NaN value are kept here and left out by the plot.
    /// </summary>
    public static IReadOnlyList<AstrometricResidual>? TryRead(FitsFile file)
    {
        try
        {
            if (file.Find(ExtensionName) is not BinaryTableHdu table || table.RowCount == 0) return null;
            if (!table.TryGetColumnIndex("X", out var x) || !table.TryGetColumnIndex("Y", out var y)
                || !table.TryGetColumnIndex("DX", out var dx) || !table.TryGetColumnIndex("DY", out var dy)) return null;
            var xs = table.ReadDoubles(x);
            var ys = table.ReadDoubles(y);
            var dxs = table.ReadDoubles(dx);
            var dys = table.ReadDoubles(dy);
            // A vector column (repeat > 1) is not one value per star.
            if (xs.Length != table.RowCount || ys.Length != xs.Length || dxs.Length != xs.Length || dys.Length != xs.Length) return null;
            var residuals = new AstrometricResidual[xs.Length];
            for (var i = 0; i < xs.Length; i++) residuals[i] = new AstrometricResidual(xs[i], ys[i], dxs[i], dys[i]);
            return residuals;
        }
        catch (Exception e) when (e is FitsFormatException or ArgumentException or IOException)
        {
            return null;
        }
    }
}
