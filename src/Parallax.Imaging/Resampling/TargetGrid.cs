using Parallax.Fits.Coordinates;

namespace Parallax.Imaging.Resampling;

/// <summary>An output pixel grid: its size and the WCS of its zero-based pixels.</summary>
/// <param name="Width">Columns (NAXIS1), ≥ 1.</param>
/// <param name="Height">Rows (NAXIS2), ≥ 1.</param>
/// <param name="Wcs">The celestial WCS of the grid.</param>
public sealed record TargetGrid(int Width, int Height, Wcs Wcs)
{
    /// <summary>Checks the size and WCS.</summary>
    /// <exception cref="ArgumentException">A size below 1, or no WCS.</exception>
    public void Validate()
    {
        if (Width < 1 || Height < 1) throw new ArgumentException($"target grid size {Width}×{Height} must be at least 1×1");
        if (Wcs is null) throw new ArgumentException("target grid has no WCS");
        if ((long)Width * Height > Array.MaxLength) throw new ArgumentException($"target grid {Width}×{Height} does not fit in one array");
    }
}
