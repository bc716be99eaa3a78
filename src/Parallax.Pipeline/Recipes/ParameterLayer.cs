namespace Parallax.Pipeline.Recipes;

/// <summary>
/// Parameter values from one source: the instrument file, a user parameter file, or the command
/// line. A key is either a parameter name (<c>clip_sigma</c>, for every recipe that declares it)
/// or a recipe-scoped name (<c>master_bias.clip_sigma</c>). Values are text (command line) or
/// YAML/JSON scalars, converted by each parameter's <see cref="ParameterDescriptor"/>.
/// </summary>
/// <param name="Source">Which precedence level the values have.</param>
/// <param name="Origin">Where they came from, for messages and provenance: "command line", "night.yaml".</param>
/// <param name="Values">Key → raw value, in the order given.</param>
public sealed record ParameterLayer(ParameterSource Source, string Origin, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    /// <summary>The recipe a key is scoped to (text before the first '.'), or null for a plain name.</summary>
    public static string? ScopeOf(string key) => key.IndexOf('.') is var i and > 0 ? key[..i] : null;

    /// <summary>The parameter name of a key (text after the first '.', or the key).</summary>
    public static string NameOf(string key) => key.IndexOf('.') is var i and > 0 ? key[(i + 1)..] : key;
}
