using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Calibration;

/// <summary>The outcome of applying an association rule: the chosen calibration and the tier that found it, or an explanation of the miss.</summary>
public sealed class CalibrationSelection
{
    /// <summary>The rule applied.</summary>
    public required AssociationRule Rule { get; init; }

    /// <summary>What needed the calibration.</summary>
    public required CalibrationTarget Target { get; init; }

    /// <summary>The chosen calibration, or null on a miss.</summary>
    public CalibrationCandidate? Chosen { get; init; }

    /// <summary>Zero-based index of the tier that found it (0 = the rule's own terms; 1.. = fallbacks); -1 on a miss.</summary>
    public int Tier { get; init; } = -1;

    /// <summary>Days between target and calibration, or null when either has no time.</summary>
    public double? DaysApart { get; init; }

    /// <summary>True when a calibration was chosen.</summary>
    public bool Found => Chosen is not null;

    /// <summary>
    /// For a hit, one line saying what was chosen and by which tier; for a miss, several lines: the
    /// rule, and the closest candidates with the reason each was refused (key that differed, time,
    /// quality, validity, missing file).
    /// </summary>
    public required string Explanation { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Explanation;
}
