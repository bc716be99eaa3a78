namespace Parallax.Pipeline.Recipes;

/// <summary>
/// A recipe: typed parameters, declared connections, and a pure <see cref="Run"/> (images and
/// parameters in, images and QC values out; no paths, no console). The engine does the I/O,
/// provenance, idempotency and error mapping. Implement it through <see cref="Recipe{TParameters}"/>.
/// </summary>
public interface IRecipe
{
    /// <summary>The name users type and instrument files name (lower snake case, e.g. <c>master_bias</c>).</summary>
    string Name { get; }

    /// <summary>The algorithm's version: raise it when results change, so products made by the old one are remade.</summary>
    int Version { get; }

    /// <summary>One line saying what the recipe makes.</summary>
    string Synopsis { get; }

    /// <summary>A few lines: the steps, in order, and what the QC values mean.</summary>
    string Description { get; }

    /// <summary>The parameters (names, docs, defaults, ranges).</summary>
    ParameterSchema Parameters { get; }

    /// <summary>Inputs, calibrations and outputs.</summary>
    RecipeConnections Connections { get; }

    /// <summary>Runs the recipe. Must not touch files or the console; should check <paramref name="cancellation"/> between rows or frames.</summary>
    /// <param name="input">Frames, calibrations and detector.</param>
    /// <param name="parameters">The resolved parameter record (of the recipe's own type).</param>
    /// <param name="cancellation">Stops the run (Ctrl-C).</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    RecipeOutcome Run(RecipeInput input, RecipeParameters parameters, CancellationToken cancellation);
}
