namespace Parallax.Pipeline.Recipes;

/// <summary>Nothing to do (no input of the needed category): not a failure.</summary>
/// <param name="Reason">Why there is no work.</param>
public sealed record NoWorkFound(string Reason) : RecipeOutcome
{
    /// <inheritdoc/>
    public override string Message => $"no work: {Reason}";
}
