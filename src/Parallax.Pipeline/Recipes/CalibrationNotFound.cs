namespace Parallax.Pipeline.Recipes;

/// <summary>A required calibration is missing; <see cref="Explanation"/> is the selection's own account (the rule, the closest candidates and what differed).</summary>
/// <param name="Category">The calibration category (e.g. <c>MASTER_BIAS</c>).</param>
/// <param name="Explanation">The calibration database's explanation; its first line says what is missing.</param>
public sealed record CalibrationNotFound(string Category, string Explanation) : RecipeOutcome
{
    /// <inheritdoc/>
    public override string Message => $"calibration not found: {Explanation.Split('\n')[0]}";

    /// <inheritdoc/>
    public override string? Detail => Explanation.Contains('\n') ? Explanation : null;
}
