namespace Parallax.Simulation.Models;

/// <summary>Hot pixels: a fraction of pixels with a dark current far above the rest.</summary>
public sealed record HotPixelModel
{
    /// <summary>Fraction of all pixels that are hot.</summary>
    public double Fraction { get; init; } = 2e-4;

    /// <summary>Range of their dark current, electrons per second (drawn log-uniformly).</summary>
    public double[] DarkCurrent { get; init; } = [0.05, 20];

    internal void Validate()
    {
        ModelCheck.Range(Fraction, 0, 0.1, "detector.hot_pixels.fraction");
        ModelCheck.Pair(DarkCurrent, "detector.hot_pixels.dark_current", positive: true);
    }
}
