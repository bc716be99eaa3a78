namespace Parallax.Simulation.Models;

/// <summary>Dust on the filters and the dewar window: out-of-focus shadows, annuli ("donuts") in the flat field.</summary>
public sealed record DustModel
{
    /// <summary>Number of donuts per filter (half of them on the window, shared by all filters).</summary>
    public int Count { get; init; } = 6;

    /// <summary>Range of the outer radius, unbinned pixels.</summary>
    public double[] Radius { get; init; } = [12, 40];

    /// <summary>Range of the fractional loss of light inside a donut.</summary>
    public double[] Depth { get; init; } = [0.01, 0.05];

    internal void Validate()
    {
        ModelCheck.Range(Count, 0, 1000, "optics.dust.count");
        ModelCheck.Pair(Radius, "optics.dust.radius", positive: true);
        ModelCheck.Pair(Depth, "optics.dust.depth");
        ModelCheck.Range(Depth[1], 0, 1, "optics.dust.depth");
    }
}
