using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Tests.Support;

public enum TestMode
{
    Mean,
    Sum,
    SigmaClipped,
}

/// <summary>Parameters of <see cref="TestRecipe"/>: one of every kind, with ranges, choices and a rule across two fields.</summary>
public sealed record TestParameters : RecipeParameters
{
    [Parameter("How frames are combined.")]
    public TestMode Mode { get; init; } = TestMode.Mean;

    [Parameter("Factor applied to the result.", Minimum = 0, Maximum = 10, Unit = "factor")]
    public double Scale { get; init; } = 1;

    [Parameter("Times the combination is repeated.", Minimum = 1, Maximum = 5)]
    public int Repeat { get; init; } = 1;

    [Parameter("A label written nowhere.", Choices = ["a", "b", "c"])]
    public string Label { get; init; } = "a";

    [Parameter("Whether to flag something.")]
    public bool Flag { get; init; }

    [Parameter("Lower bound.")]
    public double Low { get; init; }

    [Parameter("Upper bound.")]
    public double High { get; init; } = 10;

    [Parameter("Milliseconds to sleep in Run (for concurrency tests).", Minimum = 0)]
    public int SleepMs { get; init; }

    public override IEnumerable<string> Validate()
    {
        if (Low >= High) yield return $"low = {Low} must be below high = {High}";
    }
}
