namespace Parallax.Pipeline.Instruments;

/// <summary>What is made from a group of raw frames of one category: the recipe that runs and the product category it registers.</summary>
public sealed class CascadeStep
{
    /// <summary>The raw frame category the step consumes (e.g. <c>BIAS</c>).</summary>
    public required string Category { get; init; }

    /// <summary>The recipe's name (e.g. <c>master_bias</c>).</summary>
    public required string Recipe { get; init; }

    /// <summary>The product category made (e.g. <c>MASTER_BIAS</c>); calibrations are selected by this name.</summary>
    public required string Product { get; init; }

    /// <summary>Fewest frames the recipe accepts; a smaller group is planned but flagged.</summary>
    public int MinFrames { get; init; } = 1;

    /// <summary>Where the step is defined.</summary>
    public SourceLocation Location { get; init; }
}
