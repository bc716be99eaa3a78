namespace Parallax.Pipeline.Recipes;

/// <summary>The data cannot be processed (every input is unusable, or too few are left); each bad input is listed.</summary>
/// <param name="Reason">Why the run cannot go on.</param>
/// <param name="Inputs">The inputs that were unusable, with reasons.</param>
public sealed record UnprocessableData(string Reason, IReadOnlyList<SkippedInput> Inputs) : RecipeOutcome
{
    /// <summary>Unprocessable, with no input singled out.</summary>
    public UnprocessableData(string reason)
        : this(reason, [])
    {
    }

    /// <inheritdoc/>
    public override string Message => $"unprocessable data: {Reason}";

    /// <inheritdoc/>
    public override string? Detail => Inputs.Count == 0 ? null : string.Join("\n", Inputs.Select(i => $"  {i}"));
}
