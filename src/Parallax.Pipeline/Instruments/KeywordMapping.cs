using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// One logical name of an instrument (<c>exptime</c>, <c>filter</c>, <c>frametype</c>, ...) and how
/// its value is found in a primary header: the first of <see cref="Keys"/> present wins, then the
/// value is converted to <see cref="Type"/>, transformed, mapped through <see cref="Map"/>, and
/// replaced by <see cref="Default"/> when no keyword gave a value. A derived value has an
/// <see cref="Expression"/> instead of keys, evaluated over the raw keywords and the logical values
/// listed before it.
/// </summary>
public sealed class KeywordMapping
{
    /// <summary>The logical name, lower case, used in rules (e.g. <c>exptime</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Header keywords to try in order (HIERARCH keywords as <c>ESO DPR CATG</c>).</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>For <see cref="KeywordValueType.Mjd"/> values read from a date without a time: keywords holding the time of day.</summary>
    public IReadOnlyList<string> TimeKeys { get; init; } = [];

    /// <summary>How the value is read.</summary>
    public KeywordValueType Type { get; init; } = KeywordValueType.String;

    /// <summary>Text transforms applied in order (strings only).</summary>
    public IReadOnlyList<StringTransform> Transforms { get; init; } = [];

    /// <summary>Value translations (after the transforms), compared without case and surrounding spaces; a key may use <c>*</c> wildcards.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Map { get; init; } = [];

    /// <summary>The value used when no keyword is present (null: the value is missing).</summary>
    public object? Default { get; init; }

    /// <summary>A derived value: an expression over raw keywords and earlier logical names; null when read from <see cref="Keys"/>.</summary>
    public RuleExpression? Expression { get; init; }

    /// <summary>Where the mapping is defined.</summary>
    public SourceLocation Location { get; init; }
}
