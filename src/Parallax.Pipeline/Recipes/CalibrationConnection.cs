using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// A calibration a recipe uses: its category, whether it is required, and how it is matched when
/// the instrument file says nothing. The instrument file's association rule for the input
/// category (match keys, tolerances, time window, quality tiers) takes precedence; this
/// connection's <see cref="DefaultRule"/> is used only when the instrument has none.
/// </summary>
public sealed record CalibrationConnection
{
    /// <summary>The calibration product category (e.g. <c>MASTER_BIAS</c>).</summary>
    public required string Category { get; init; }

    /// <summary>False when the recipe runs without it (it then skips the step it serves). Default true.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Logical names matched when no instrument rule exists (e.g. <c>binning</c>).</summary>
    public IReadOnlyList<string> MatchKeys { get; init; } = [];

    /// <summary>Largest time between frames and calibration, in days, when no instrument rule exists. Default 30.</summary>
    public double MaxDays { get; init; } = 30;

    /// <summary>What the calibration is used for.</summary>
    public string Doc { get; init; } = "";

    /// <summary>
    /// The rule that selects this calibration for frames of <paramref name="targetCategory"/>: the
    /// instrument's association rule when it has one, else <see cref="DefaultRule"/>.
    /// </summary>
    public AssociationRule RuleFor(InstrumentDefinition? instrument, string targetCategory)
        => instrument?.AssociationsFor(targetCategory).FirstOrDefault(a => string.Equals(a.Calibration, Category, StringComparison.OrdinalIgnoreCase))
           ?? DefaultRule(targetCategory);

    /// <summary>The rule built from this connection: match keys, within <see cref="MaxDays"/>, provisional or better.</summary>
    public AssociationRule DefaultRule(string targetCategory) => new()
    {
        TargetCategory = targetCategory,
        Calibration = Category,
        MatchKeys = MatchKeys,
        Required = Required,
        Tiers = [new AssociationTier { MaxDays = MaxDays, MinimumQuality = CalibrationQuality.Provisional }],
        Location = new SourceLocation("recipe connection", 0, 0),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Category}{(Required ? "" : " (optional)")}";
}
