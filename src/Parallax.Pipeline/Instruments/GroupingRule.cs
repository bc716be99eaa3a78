namespace Parallax.Pipeline.Instruments;

/// <summary>
/// How frames of one category are split into groups that a recipe combines: frames share the
/// values of <see cref="CommonKeys"/> and of their category's extra keys, and a new group starts
/// where consecutive frames (in time) are more than <see cref="MaxGapHours"/> apart.
/// </summary>
public sealed class GroupingRule
{
    /// <summary>Logical names every group shares (e.g. binning, readout mode).</summary>
    public IReadOnlyList<string> CommonKeys { get; init; } = [];

    /// <summary>Extra logical names per category (e.g. DARK: exptime; FLAT: filter).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> KeysByCategory { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Largest time between consecutive frames of one group, in hours; infinity for no limit.</summary>
    public double MaxGapHours { get; init; } = double.PositiveInfinity;

    /// <summary>The grouping keys of a category: the common keys, then the category's own.</summary>
    public IReadOnlyList<string> KeysFor(string category)
        => KeysByCategory.TryGetValue(category, out var extra) ? [.. CommonKeys, .. extra.Where(k => !CommonKeys.Contains(k))] : CommonKeys;
}
