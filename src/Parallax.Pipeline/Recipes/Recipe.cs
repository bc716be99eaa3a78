namespace Parallax.Pipeline.Recipes;

/// <summary>Base of recipes with a typed parameter record: the schema comes from <typeparamref name="TParameters"/>, and <see cref="Run(RecipeInput, TParameters, CancellationToken)"/> receives it typed.</summary>
/// <typeparam name="TParameters">The recipe's parameter record.</typeparam>
public abstract class Recipe<TParameters> : IRecipe
    where TParameters : RecipeParameters, new()
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual int Version => 1;

    /// <inheritdoc/>
    public abstract string Synopsis { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <inheritdoc/>
    public ParameterSchema Parameters => ParameterSchema.For(typeof(TParameters));

    /// <inheritdoc/>
    public abstract RecipeConnections Connections { get; }

    /// <summary>Runs the recipe with its typed parameters.</summary>
    public abstract RecipeOutcome Run(RecipeInput input, TParameters parameters, CancellationToken cancellation);

    /// <inheritdoc/>
    public RecipeOutcome Run(RecipeInput input, RecipeParameters parameters, CancellationToken cancellation)
        => parameters is TParameters typed
            ? Run(input, typed, cancellation)
            : throw new ArgumentException($"{Name} takes {typeof(TParameters).Name}, not {parameters.GetType().Name}", nameof(parameters));

    /// <inheritdoc/>
    public override string ToString() => Name;
}
