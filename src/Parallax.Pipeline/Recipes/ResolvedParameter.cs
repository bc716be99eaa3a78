namespace Parallax.Pipeline.Recipes;

/// <summary>The value a parameter takes in a run, and which source won.</summary>
/// <param name="Descriptor">The parameter.</param>
/// <param name="Value">The typed value.</param>
/// <param name="Source">The precedence level that gave it.</param>
/// <param name="Origin">Where exactly: "recipe default", an instrument file name, a parameter file name, "command line".</param>
public sealed record ResolvedParameter(ParameterDescriptor Descriptor, object? Value, ParameterSource Source, string Origin)
{
    /// <summary>The value as canonical text.</summary>
    public string Text => Descriptor.Format(Value);

    /// <summary>The source as one word for headers and listings: default, instrument, file, command-line.</summary>
    public string SourceName => SourceNameOf(Source);

    /// <summary>One word for a source: default, instrument, file, command-line.</summary>
    public static string SourceNameOf(ParameterSource source) => source switch
    {
        ParameterSource.RecipeDefault => "default",
        ParameterSource.InstrumentFile => "instrument",
        ParameterSource.UserFile => "file",
        _ => "command-line",
    };
}
