namespace Parallax.Pipeline.Instruments;

/// <summary>
/// Which calibration a group of frames needs and how it is chosen: same values of
/// <see cref="MatchKeys"/> (numbers within <see cref="Tolerances"/>), then the first
/// <see cref="Tiers"/> entry (time window, quality) that finds one; nearest in time wins.
/// </summary>
public sealed class AssociationRule
{
    /// <summary>The category of the inputs that need the calibration: raw frames (e.g. <c>SCIENCE</c>) or the products a chained step consumes (e.g. <c>REDUCED_IMAGE</c>).</summary>
    public required string TargetCategory { get; init; }

    /// <summary>The calibration product category (e.g. <c>MASTER_FLAT</c>).</summary>
    public required string Calibration { get; init; }

    /// <summary>Logical names whose values must agree.</summary>
    public IReadOnlyList<string> MatchKeys { get; init; } = [];

    /// <summary>Numeric match keys compared within a tolerance (logical name → largest absolute difference); others must be equal.</summary>
    public IReadOnlyDictionary<string, double> Tolerances { get; init; } = new Dictionary<string, double>();

    /// <summary>The tiers in order of preference; at least one.</summary>
    public IReadOnlyList<AssociationTier> Tiers { get; init; } = [new AssociationTier()];

    /// <summary>False when the frames can be processed without this calibration (a missing one is a note, not a block).</summary>
    public bool Required { get; init; } = true;

    /// <summary>Where the rule is defined.</summary>
    public Instruments.SourceLocation Location { get; init; }

    /// <summary>The tolerance of a key in a tier (the tier's own, else the rule's), or null for exact match.</summary>
    public double? ToleranceFor(string key, AssociationTier tier)
        => tier.Tolerances.TryGetValue(key, out var t) ? t : Tolerances.TryGetValue(key, out var r) ? r : null;

    /// <summary>One line: "MASTER_FLAT for SCIENCE: match filter, binning; tiers: within 1 d, certified | within 30 d, provisional or certified (file:line)".</summary>
    public override string ToString()
        => $"{Calibration} for {TargetCategory}: match {(MatchKeys.Count == 0 ? "nothing" : string.Join(", ", MatchKeys))}; "
         + $"{(Tiers.Count == 1 ? "" : "tiers: ")}{string.Join(" | then ", Tiers)}{(Required ? "" : "; optional")} ({Location})";
}
