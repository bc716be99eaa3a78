using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// Reads user parameter layers: a parameter file (YAML, or JSON when the name ends in <c>.json</c>)
/// and <c>name=value</c> pairs from a command line. A file is a mapping of parameter names to
/// values; a key holding a mapping is a recipe name and scopes the values inside it:
/// <code>
/// clip_sigma: 4            # every recipe that has clip_sigma
/// master_flat:
///   normalise: mean        # only master_flat
/// </code>
/// </summary>
public static class ParameterFiles
{
    /// <summary>Reads a parameter file.</summary>
    /// <exception cref="FormatException">The file is not a mapping of names to scalars (or of recipes to such mappings); the message names the file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ParameterLayer Load(string path)
    {
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        var values = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(text, name) : FromYaml(text, name);
        return new ParameterLayer(ParameterSource.UserFile, name, values);
    }

    /// <summary>Reads <c>name=value</c> or <c>recipe.name=value</c> pairs (values stay text; each parameter converts its own).</summary>
    /// <exception cref="FormatException">A pair has no '=' or no name.</exception>
    public static ParameterLayer FromPairs(IEnumerable<string> pairs)
    {
        var values = new List<KeyValuePair<string, object?>>();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new FormatException($"--param '{pair}' is not name=value");
            values.Add(KeyValuePair.Create(pair[..eq].Trim(), (object?)pair[(eq + 1)..].Trim()));
        }
        return new ParameterLayer(ParameterSource.CommandLine, "command line", values);
    }

    private static List<KeyValuePair<string, object?>> FromYaml(string text, string name)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e) { throw new FormatException($"{name}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}"); }
        var values = new List<KeyValuePair<string, object?>>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return values;
        if (stream.Documents[0].RootNode is not YamlMappingNode root) throw new FormatException($"{name}:{stream.Documents[0].RootNode.Start.Line}: must be a mapping of parameter names to values");
        foreach (var (k, v) in root.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            if (v is YamlMappingNode scoped)
            {
                foreach (var (k2, v2) in scoped.Children)
                    values.Add(KeyValuePair.Create($"{key}.{((YamlScalarNode)k2).Value}", YamlScalar(v2, name)));
            }
            else values.Add(KeyValuePair.Create(key, YamlScalar(v, name)));
        }
        return values;
    }

    private static object? YamlScalar(YamlNode node, string file)
    {
        if (node is not YamlScalarNode s) throw new FormatException($"{file}:{node.Start.Line}:{node.Start.Column}: a parameter value must be a single value, not a list or mapping");
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) return s.Value;
        var v = s.Value ?? "";
        if (v is "" or "~" or "null") return null;
        if (v is "true" or "True") return true;
        if (v is "false" or "False") return false;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return v;
    }

    private static List<KeyValuePair<string, object?>> FromJson(string text, string name)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new FormatException($"{name}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {e.Message}"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException($"{name}: must be an object of parameter names to values");
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var q in p.Value.EnumerateObject()) values.Add(KeyValuePair.Create($"{p.Name}.{q.Name}", JsonScalar(q.Value, name)));
                }
                else values.Add(KeyValuePair.Create(p.Name, JsonScalar(p.Value, name)));
            }
            return values;
        }
    }

    private static object? JsonScalar(JsonElement e, string file) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new FormatException($"{file}: a parameter value must be a single value, not {e.ValueKind.ToString().ToLowerInvariant()}"),
    };
}
