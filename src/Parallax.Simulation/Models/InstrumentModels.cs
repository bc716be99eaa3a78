using System.Reflection;

namespace Parallax.Simulation.Models;

/// <summary>
/// Finds and reads simulation instrument models. A name is looked up as a path to a YAML file first, then as
/// <c>NAME.yaml</c> in each folder of the <c>PARALLAX_SIMULATION_MODELS</c> environment variable (separated by
/// the path separator) and in <c>instruments/simulation/</c> under the working folder, then among the models
/// built into the tool (the repository's <c>instruments/simulation/</c>). Adding an instrument needs only a file.
/// </summary>
public static class InstrumentModels
{
    private const string ResourcePrefix = "simulation/";
    private const string BuiltInSource = "built-in:";

    /// <summary>Names of the models built into the tool.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(InstrumentModels).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal) && n.IndexOf('/', ResourcePrefix.Length) < 0)
        .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads and validates a model by name or path.</summary>
    /// <exception cref="InvalidModelException">No such model (the message lists those available), or the file is invalid.</exception>
    public static InstrumentModel Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Parse(File.ReadAllText(nameOrPath), Path.GetFullPath(nameOrPath));
        foreach (var folder in SearchFolders())
        {
            var candidate = Path.Combine(folder, nameOrPath + ".yaml");
            if (File.Exists(candidate)) return Parse(File.ReadAllText(candidate), Path.GetFullPath(candidate));
        }
        var text = ReadResource(nameOrPath + ".yaml")
            ?? throw new InvalidModelException($"no simulation model '{nameOrPath}': give a YAML path or one of {string.Join(", ", BuiltInNames)}");
        return Parse(text, BuiltInSource + nameOrPath);
    }

    /// <summary>Parses and validates a model from YAML text; <paramref name="source"/> names it in errors and locates its data files.</summary>
    /// <exception cref="InvalidModelException">The YAML is malformed, has unknown keys, or a value is out of range.</exception>
    public static InstrumentModel Parse(string yaml, string source)
    {
        var model = SimulationYaml.Read<InstrumentModel>(yaml, source) with { Source = source };
        try
        {
            model.Validate();
        }
        catch (InvalidModelException e)
        {
            throw new InvalidModelException($"{source}: {e.Message}", e);
        }
        return model;
    }

    /// <summary>
    /// Reads a data file a model names (line list, flux table, extinction curve): beside the model file when it
    /// came from disk, else (or when absent there) the built-in copy.
    /// </summary>
    /// <exception cref="InvalidModelException">The file is nowhere to be found.</exception>
    public static string ReadData(InstrumentModel model, string relativePath)
    {
        if (!model.Source.StartsWith(BuiltInSource, StringComparison.Ordinal) && Path.GetDirectoryName(model.Source) is { } dir)
        {
            var path = Path.Combine(dir, relativePath);
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        return ReadResource(relativePath.Replace('\\', '/'))
            ?? throw new InvalidModelException($"{model.Source}: data file '{relativePath}' not found beside the model nor built in");
    }

    /// <summary>Reads the YAML text of a model (to keep a copy in the truth folder).</summary>
    public static string ReadText(InstrumentModel model)
        => model.Source.StartsWith(BuiltInSource, StringComparison.Ordinal)
            ? ReadResource(model.Source[BuiltInSource.Length..] + ".yaml") ?? ""
            : File.ReadAllText(model.Source);

    private static IEnumerable<string> SearchFolders()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SIMULATION_MODELS") is { Length: > 0 } env)
            foreach (var f in env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)) yield return f;
        yield return Path.Combine(Environment.CurrentDirectory, "instruments", "simulation");
    }

    private static string? ReadResource(string relative)
    {
        using var stream = typeof(InstrumentModels).Assembly.GetManifestResourceStream(ResourcePrefix + relative);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
