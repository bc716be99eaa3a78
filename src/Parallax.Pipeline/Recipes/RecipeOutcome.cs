namespace Parallax.Pipeline.Recipes;

/// <summary>
/// What a recipe run came to: <see cref="RecipeSucceeded"/>, or one of the typed failures
/// <see cref="NoWorkFound"/>, <see cref="CalibrationNotFound"/>, <see cref="UnprocessableData"/>,
/// <see cref="AlgorithmFailed"/>. The command line maps each to an exit code and a one-line message.
/// </summary>
public abstract record RecipeOutcome
{
    /// <summary>One line for people.</summary>
    public abstract string Message { get; }

    /// <summary>More lines (explanations, numbers), shown with <c>--verbose</c>; null when there is nothing more.</summary>
    public virtual string? Detail => null;
}
