using System.Globalization;
using System.Text.RegularExpressions;
using NCalc.Handlers;

namespace Parallax.Pipeline.Rules;

/// <summary>
/// The helper functions rule expressions may call. Text helpers treat null as empty and compare
/// without case where that is what a person means (<c>contains</c>, <c>startswith</c>, <c>endswith</c>).
/// </summary>
internal static class RuleFunctions
{
    /// <summary>Names and one-line descriptions, for documentation and error messages.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["lower"] = "lower(x): text in lower case (null stays null)",
        ["upper"] = "upper(x): text in upper case",
        ["trim"] = "trim(x): text without surrounding spaces",
        ["contains"] = "contains(x, part): true when x contains part, ignoring case",
        ["startswith"] = "startswith(x, prefix): ignoring case",
        ["endswith"] = "endswith(x, suffix): ignoring case",
        ["matches"] = "matches(x, regex): .NET regular expression, ignoring case",
        ["has"] = "has(name): true when the value or keyword is present and defined",
        ["header"] = "header('KEY'): the raw keyword's value, even where a logical name shadows it",
        ["number"] = "number(x): x as a real number (null when not a number)",
        ["str"] = "str(x): x as text (integers without decimals)",
        ["anyof"] = "anyof(x, a, b, ...): true when x equals one of the values, ignoring case and spaces",
        ["concat"] = "concat(a, b, ...): the values as text, joined (null as empty)",
    };

    /// <summary>Builds the function table for one evaluation (the <c>has</c> and <c>header</c> functions read the frame's values).</summary>
    public static Dictionary<string, ExpressionFunction> For(IRuleValues values) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["lower"] = a => Text(a, 0)?.ToLowerInvariant(),
        ["upper"] = a => Text(a, 0)?.ToUpperInvariant(),
        ["trim"] = a => Text(a, 0)?.Trim(),
        ["contains"] = a => (Text(a, 0) ?? "").Contains(Text(a, 1) ?? "\0", StringComparison.OrdinalIgnoreCase),
        ["startswith"] = a => (Text(a, 0) ?? "").StartsWith(Text(a, 1) ?? "\0", StringComparison.OrdinalIgnoreCase),
        ["endswith"] = a => (Text(a, 0) ?? "").EndsWith(Text(a, 1) ?? "\0", StringComparison.OrdinalIgnoreCase),
        ["matches"] = a => Regex.IsMatch(Text(a, 0) ?? "", Text(a, 1) ?? "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        ["has"] = a => values.Get(Name(a)) is not null,
        ["header"] = a => values.GetKeyword(Name(a)),
        ["number"] = a => ToNumber(a.Evaluate(0)),
        ["str"] = a => Text(a, 0),
        ["concat"] = a => string.Concat(Enumerable.Range(0, a.Count).Select(i => Text(a, i))),
        ["anyof"] = a =>
        {
            var x = Text(a, 0)?.Trim();
            for (var i = 1; i < a.Count; i++)
                if (string.Equals(x, Text(a, i)?.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        },
    };

    /// <summary>A value as text: numbers in invariant culture, whole doubles without decimals.</summary>
    public static string? ToText(object? v) => v switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    /// <summary>A value as a double, or null when it is not a number.</summary>
    public static double? ToNumber(object? v) => v switch
    {
        double d => d,
        long l => l,
        int i => i,
        decimal m => (double)m,
        float f => f,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string? Text(FunctionData a, int i) => i < a.Count ? ToText(a.Evaluate(i)) : null;

    private static string Name(FunctionData a)
    {
        // has(EXPTIME) and has('EXPTIME') both work: an identifier argument is taken by name, not value.
        if (a[0] is NCalc.Identifier id) return id.Name;
        return ToText(a.Evaluate(0)) ?? "";
    }
}
