using System.CommandLine;
using Parallax.Pipeline.Recipes;

namespace Parallax.Cli.Commands;

/// <summary>The <c>--param name=value</c> and <c>--params FILE</c> options, and their layers.</summary>
internal sealed class ParameterOptions
{
    public Option<string[]> Pairs { get; } = new("--param", "-p")
    {
        Description = "Set a recipe parameter: name=value, or recipe.name=value in a cascade (repeatable; wins over --params and the instrument file)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> File { get; } = new("--params")
    {
        Description = "Parameter file (YAML, or JSON by its .json extension): name: value, or recipe: {name: value}",
    };

    /// <summary>The layers given (file first, then command line); null after printing why when one is malformed.</summary>
    public IReadOnlyList<ParameterLayer>? Layers(ParseResult r)
    {
        var layers = new List<ParameterLayer>();
        try
        {
            if (r.GetValue(File) is { } file) layers.Add(ParameterFiles.Load(file));
            if (r.GetValue(Pairs) is { Length: > 0 } pairs) layers.Add(ParameterFiles.FromPairs(pairs));
            return layers;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parallax: {(e is FileNotFoundException ? $"{r.GetValue(File)}: no such parameter file" : e.Message)}");
            return null;
        }
    }
}
