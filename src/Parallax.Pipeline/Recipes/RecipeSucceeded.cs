namespace Parallax.Pipeline.Recipes;

/// <summary>The recipe made its products; some inputs may have been skipped as unusable.</summary>
/// <param name="Products">The products, in output order.</param>
/// <param name="Skipped">Inputs left out, with the reason.</param>
public sealed record RecipeSucceeded(IReadOnlyList<RecipeProduct> Products, IReadOnlyList<SkippedInput> Skipped) : RecipeOutcome
{
    /// <summary>Success with no skipped input.</summary>
    public RecipeSucceeded(params RecipeProduct[] products)
        : this(products, [])
    {
    }

    /// <inheritdoc/>
    public override string Message => $"{Products.Count} product(s){(Skipped.Count > 0 ? $", {Skipped.Count} input(s) skipped" : "")}";
}
