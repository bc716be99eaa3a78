namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// A 1-D arc spectrum along the dispersion: one value per column, in the image's units (summed over no rows: a
/// clipped mean of the rows extracted, so it keeps the per-pixel scale), with its variance. NaN where no row was usable.
/// </summary>
/// <param name="Flux">Mean flux per column.</param>
/// <param name="Variance">Variance of each mean (NaN where unknown).</param>
public sealed record ArcSpectrum(float[] Flux, float[] Variance)
{
    /// <summary>Columns.</summary>
    public int Length => Flux.Length;
}
