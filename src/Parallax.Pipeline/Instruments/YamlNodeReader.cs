using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parallax.Pipeline.Instruments;

/// <summary>Typed, strict reads of YAML nodes: every error names the file, line, column and field path.</summary>
internal sealed class YamlNodeReader(string file)
{
    public string File { get; } = file;

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public InstrumentDefinitionException Error(YamlNode node, string field, string reason) => new(At(node), field, reason);

    public YamlMappingNode Mapping(YamlNode node, string field)
        => node as YamlMappingNode ?? throw Error(node, field, $"must be a mapping (key: value lines), not {Describe(node)}");

    public YamlSequenceNode Sequence(YamlNode node, string field)
        => node as YamlSequenceNode ?? throw Error(node, field, $"must be a list, not {Describe(node)}");

    /// <summary>Fails on any key not in <paramref name="allowed"/>, naming the nearest allowed one.</summary>
    public void OnlyKeys(YamlMappingNode map, string field, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var hint = allowed.OrderBy(a => Distance(a, name)).First();
                throw Error(key, Join(field, name), $"unknown field '{name}'; allowed here: {string.Join(", ", allowed)}{(Distance(hint, name) <= 2 ? $" (did you mean '{hint}'?)" : "")}");
            }
        }
    }

    public YamlNode? Optional(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && !IsNull(v) ? v : null;

    public YamlNode Required(YamlMappingNode map, string key, string field)
        => Optional(map, key) ?? throw Error(map, Join(field, key), "is required but missing");

    public string String(YamlNode node, string field)
    {
        if (node is not YamlScalarNode s || s.Value is null) throw Error(node, field, $"must be a text value, not {Describe(node)}");
        return s.Value;
    }

    public string? OptionalString(YamlMappingNode map, string key, string field)
        => Optional(map, key) is { } n ? String(n, Join(field, key)) : null;

    public double Number(YamlNode node, string field)
    {
        var text = String(node, field);
        if (text is ".inf" or "inf" or "infinity") return double.PositiveInfinity;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d)
            ? d
            : throw Error(node, field, $"must be a number, not '{text}'");
    }

    public int Integer(YamlNode node, string field)
    {
        var text = String(node, field);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw Error(node, field, $"must be a whole number, not '{text}'");
    }

    public bool Bool(YamlNode node, string field)
    {
        var text = String(node, field);
        return text switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(node, field, $"must be true or false, not '{text}'"),
        };
    }

    /// <summary>A list of text values; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string> StringList(YamlNode node, string field)
    {
        if (node is YamlScalarNode) return [String(node, field)];
        var seq = Sequence(node, field);
        return seq.Children.Select((c, i) => String(c, $"{field}[{i}]")).ToList();
    }

    /// <summary>A plain scalar typed as YAML core schema does (bool, integer, real, null, text); quoted scalars stay text.</summary>
    public object? Scalar(YamlNode node, string field)
    {
        if (node is not YamlScalarNode s) throw Error(node, field, $"must be a single value, not {Describe(node)}");
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) return s.Value;
        var v = s.Value ?? "";
        if (v is "null" or "~" or "") return null;
        if (v is "true" or "True") return true;
        if (v is "false" or "False") return false;
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return (double)l;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return v;
    }

    public static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    public static IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map)
        => map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", kv.Key, kv.Value));

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
