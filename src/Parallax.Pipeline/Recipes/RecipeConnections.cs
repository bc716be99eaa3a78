namespace Parallax.Pipeline.Recipes;

/// <summary>What a recipe consumes and makes: its inputs, the calibrations it needs, and its outputs. The engine checks inputs against it before the recipe runs.</summary>
public sealed record RecipeConnections
{
    /// <summary>The frames processed (usually one connection).</summary>
    public required IReadOnlyList<InputConnection> Inputs { get; init; }

    /// <summary>The calibrations used.</summary>
    public IReadOnlyList<CalibrationConnection> Calibrations { get; init; } = [];

    /// <summary>True when the recipe uses the run's reference catalog (when one is given): it then reaches <see cref="RecipeInput.ReferenceCatalog"/> and its checksum enters the task hash and provenance.</summary>
    public bool UsesReferenceCatalog { get; init; }

    /// <summary>The products made.</summary>
    public required IReadOnlyList<OutputConnection> Outputs { get; init; }

    /// <summary>True when the recipe reads the instrument's comparison-lamp line lists (<see cref="RecipeInput.LineLists"/>); the engine loads them only then.</summary>
    public bool UsesLineLists { get; init; }

    /// <summary>The input connection that takes a category, or null.</summary>
    public InputConnection? InputFor(string category) => Inputs.FirstOrDefault(i => i.Accepts(category));

    /// <summary>The calibration connection of a category, or null.</summary>
    public CalibrationConnection? CalibrationFor(string category) => Calibrations.FirstOrDefault(c => string.Equals(c.Category, category, StringComparison.OrdinalIgnoreCase));

    /// <summary>The output connection of a category, or null.</summary>
    public OutputConnection? OutputFor(string category) => Outputs.FirstOrDefault(o => string.Equals(o.Category, category, StringComparison.OrdinalIgnoreCase));
}
