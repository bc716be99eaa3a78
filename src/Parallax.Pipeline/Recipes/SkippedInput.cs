namespace Parallax.Pipeline.Recipes;

/// <summary>An input left out of a run because it cannot be used (unreadable, wrong shape, saturated ...); the others were processed.</summary>
/// <param name="Name">The frame's name (file name).</param>
/// <param name="Reason">Why, in one line.</param>
public sealed record SkippedInput(string Name, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Reason}";
}
