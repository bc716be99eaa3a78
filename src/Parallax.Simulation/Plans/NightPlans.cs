using Parallax.Simulation.Models;

namespace Parallax.Simulation.Plans;

/// <summary>Reads night plans from YAML files and picks a model's presets.</summary>
public static class NightPlans
{
    /// <summary>The names of the presets every shipped model has.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["small", "standard", "large"];

    /// <summary>Reads a plan file and validates it against the model.</summary>
    /// <exception cref="InvalidModelException">The file is malformed or does not fit the model.</exception>
    public static NightPlan Load(string path, InstrumentModel model) => Parse(File.ReadAllText(path), path, model);

    /// <summary>Parses a plan from YAML text and validates it against the model.</summary>
    /// <exception cref="InvalidModelException">The text is malformed or does not fit the model.</exception>
    public static NightPlan Parse(string yaml, string source, InstrumentModel model)
    {
        var plan = SimulationYaml.Read<NightPlan>(yaml, source);
        if (plan.Instrument is { Length: > 0 } named && !string.Equals(named, model.Name, StringComparison.OrdinalIgnoreCase))
            throw new InvalidModelException($"{source}: the plan is for instrument '{named}', not '{model.Name}'");
        try
        {
            plan.Validate(model);
        }
        catch (InvalidModelException e)
        {
            throw new InvalidModelException($"{source}: {e.Message}", e);
        }
        return plan;
    }

    /// <summary>The model's preset of this name.</summary>
    /// <exception cref="InvalidModelException">The model has no such preset.</exception>
    public static NightPlan Preset(InstrumentModel model, string name)
        => model.Presets.TryGetValue(name, out var plan)
            ? plan
            : throw new InvalidModelException($"model '{model.Name}' has no preset '{name}' (it has {string.Join(", ", model.Presets.Keys)})");
}
