namespace Parallax.Imaging.Alignment;

/// <summary>Settings of <see cref="StarMatcher"/>. Immutable; <see cref="Validate"/> checks them.</summary>
public sealed record StarMatchParameters
{
    /// <summary>Transform fitted to the matched pairs. Default <see cref="TransformModel.Similarity"/>.</summary>
    public TransformModel Model { get; init; } = TransformModel.Similarity;

    /// <summary>Whether the match may mirror the image (a flip). Default true.</summary>
    public bool AllowFlip { get; init; } = true;

    /// <summary>Brightest stars of each list used to build asterisms (triangles). Default 40.</summary>
    public int MaxStars { get; init; } = 40;

    /// <summary>Nearest neighbours of each star that form its triangles (astroalign uses 4: ten triangles per star). Default 4.</summary>
    public int Neighbours { get; init; } = 4;

    /// <summary>Largest difference of the two side-ratio invariants for two triangles to be called similar. Default 0.01.</summary>
    public double InvariantTolerance { get; init; } = 0.01;

    /// <summary>Largest distance, target pixels, between a transformed source star and its target star for a match. Default 3.</summary>
    public double MatchRadius { get; init; } = 3.0;

    /// <summary>Pairs whose residual exceeds this many times the rms are rejected at each fitting iteration. Default 3.</summary>
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>Most fit-and-clip iterations. Default 10.</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>Fewest matched pairs accepted as a solution. Default 5.</summary>
    public int MinMatches { get; init; } = 5;

    /// <summary>Checks the fields.</summary>
    /// <exception cref="ArgumentException">A value out of range (named).</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Model)) throw new ArgumentException($"unknown transform model {Model}", nameof(Model));
        if (MaxStars < 3) throw new ArgumentException($"at least 3 stars are needed for a triangle, not {MaxStars}", nameof(MaxStars));
        if (Neighbours < 2) throw new ArgumentException($"at least 2 neighbours are needed for a triangle, not {Neighbours}", nameof(Neighbours));
        if (!(InvariantTolerance > 0)) throw new ArgumentException($"invariant tolerance {InvariantTolerance} must be positive", nameof(InvariantTolerance));
        if (!(MatchRadius > 0) || double.IsInfinity(MatchRadius)) throw new ArgumentException($"match radius {MatchRadius} must be a positive number of pixels", nameof(MatchRadius));
        if (!(ClipSigma > 0)) throw new ArgumentException($"clip threshold {ClipSigma} must be positive", nameof(ClipSigma));
        if (MaxIterations < 1) throw new ArgumentException($"iterations {MaxIterations} must be at least 1", nameof(MaxIterations));
        if (MinMatches < 3) throw new ArgumentException($"at least 3 matches are needed, not {MinMatches}", nameof(MinMatches));
    }
}
