using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>One recipe run for the engine: the recipe, its input files and calibrations, the user's parameter layers, and how its products are named.</summary>
public sealed class TaskRequest
{
    /// <summary>A unique id within the run (a cascade task id such as <c>master_bias:BIAS-1</c>); it names the task's manifest.</summary>
    public required string Id { get; init; }

    /// <summary>The recipe.</summary>
    public required IRecipe Recipe { get; init; }

    /// <summary>The instrument (detector, recipe defaults, association rules, QC ranges), or null when unknown.</summary>
    public InstrumentDefinition? Instrument { get; init; }

    /// <summary>The frames to process, with their categories.</summary>
    public required IReadOnlyList<TaskFile> Inputs { get; init; }

    /// <summary>Inputs left out before the run (e.g. an upstream product marked bad by QC, or the products of an upstream task that failed); the engine reports them as skipped.</summary>
    public IReadOnlyList<SkippedInput> LeftOut { get; init; } = [];

    /// <summary>Calibrations given explicitly (from a SOF or chosen by the cascade plan); missing ones are looked up in the calibration database.</summary>
    public IReadOnlyList<TaskFile> Calibrations { get; init; } = [];

    /// <summary>Names the products: <c>CATEGORY_stem.fits</c> (e.g. the group id <c>BIAS-1</c>).</summary>
    public required string ProductStem { get; init; }

    /// <summary>The frames' shared values and time, for calibration selection and for the products' database records; null when unknown.</summary>
    public CalibrationTarget? Target { get; init; }

    /// <summary>User parameter layers (files, command line).</summary>
    public IReadOnlyList<ParameterLayer> ParameterLayers { get; init; } = [];

    /// <summary>True (one recipe run) when a plain parameter name the recipe lacks is an error; false in a cascade, where it is meant for other recipes.</summary>
    public bool StrictParameters { get; init; } = true;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Recipe.Name}, {Inputs.Count} input(s))";
}
