using Parallax.Pipeline.Calibration;

namespace Parallax.Pipeline.Instruments;

/// <summary>One level of an association rule: how far in time a calibration may be and how good it must be. Tiers are tried in order; the first that finds a calibration wins.</summary>
public sealed class AssociationTier
{
    /// <summary>Largest time between the frame and the calibration, in days.</summary>
    public double MaxDays { get; init; } = double.PositiveInfinity;

    /// <summary>The lowest quality accepted (<see cref="CalibrationQuality.Bad"/> is never accepted).</summary>
    public CalibrationQuality MinimumQuality { get; init; } = CalibrationQuality.Certified;

    /// <summary>Tolerances that replace the rule's for this tier (logical name → largest absolute difference).</summary>
    public IReadOnlyDictionary<string, double> Tolerances { get; init; } = new Dictionary<string, double>();

    /// <summary>Match keys this tier no longer requires (a relaxed fallback).</summary>
    public IReadOnlyList<string> DropKeys { get; init; } = [];

    /// <summary>A short description: "within 1 d, certified".</summary>
    public override string ToString()
    {
        var days = double.IsPositiveInfinity(MaxDays) ? "any time" : $"within {MaxDays:0.###} d";
        var quality = MinimumQuality == CalibrationQuality.Certified ? "certified" : "provisional or certified";
        var tol = Tolerances.Count == 0 ? "" : ", " + string.Join(", ", Tolerances.Select(t => $"{t.Key} ±{t.Value:0.###}"));
        var drop = DropKeys.Count == 0 ? "" : $", ignoring {string.Join(", ", DropKeys)}";
        return $"{days}, {quality}{tol}{drop}";
    }
}
