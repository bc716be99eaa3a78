namespace Parallax.Reports.Plots;

/// <summary>The size of a plot image in pixels.</summary>
/// <param name="Width">Width in pixels (at least 100).</param>
/// <param name="Height">Height in pixels (at least 100).</param>
public readonly record struct PlotSize(int Width, int Height)
{
    /// <summary>800 × 500: readable in a report at full width.</summary>
    public static PlotSize Default { get; } = new(800, 500);
}
