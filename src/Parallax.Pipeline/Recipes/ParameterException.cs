namespace Parallax.Pipeline.Recipes;

/// <summary>Parameter values that cannot be used: unknown names, values of the wrong type, out of range, or a combination <see cref="RecipeParameters.Validate"/> refuses. Every problem is listed.</summary>
public sealed class ParameterException : Exception
{
    /// <summary>Creates the exception from its problems (one line each).</summary>
    public ParameterException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : $"{problems.Count} parameter problems: {string.Join("; ", problems)}")
        => Problems = problems;

    /// <summary>Each problem on one line, naming the recipe, the parameter, the value and where it came from.</summary>
    public IReadOnlyList<string> Problems { get; }
}
