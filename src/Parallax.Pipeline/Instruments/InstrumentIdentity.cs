using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// The header conditions that say "this file is mine": every condition must hold. When several
/// instruments claim a file, the highest <see cref="Priority"/> wins (a generic definition has a
/// low priority so that a specific one overrides it).
/// </summary>
public sealed class InstrumentIdentity
{
    /// <summary>Conditions over raw header keywords, all of which must be true.</summary>
    public IReadOnlyList<RuleExpression> Conditions { get; init; } = [];

    /// <summary>Higher wins when several instruments claim one file. Default 0.</summary>
    public int Priority { get; init; }
}
