using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Instruments;

/// <summary>A frame category and the condition that puts a frame in it. Rules are tried in file order; the first that holds wins.</summary>
public sealed class ClassificationRule
{
    /// <summary>The category, upper case (e.g. <c>BIAS</c>, <c>FLAT</c>, <c>SCIENCE</c>).</summary>
    public required string Category { get; init; }

    /// <summary>The condition, an expression over logical names and raw keywords that yields true or false.</summary>
    public required RuleExpression Condition { get; init; }

    /// <summary>Where the rule is defined.</summary>
    public SourceLocation Location { get; init; }
}
