using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Rules;

/// <summary>
/// The values of one frame that rules can name: the instrument's logical names (resolved from the
/// primary header through the keyword map, in file order) and, behind them, the raw keywords.
/// Identifiers are case-insensitive; a logical name shadows a keyword of the same name
/// (<c>header('OBJECT')</c> reaches the keyword). Problems met while resolving (a keyword that does not
/// hold the declared type) are collected, not thrown, so one odd card does not lose the frame.
/// </summary>
public sealed class FrameValues : IRuleValues
{
    private readonly Header _header;
    private readonly Dictionary<string, object?> _logical = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];

    private FrameValues(Header header) => _header = header;

    /// <summary>The header the values come from.</summary>
    public Header Header => _header;

    /// <summary>The logical values (name → string, double, bool or null), in the instrument's order.</summary>
    public IReadOnlyDictionary<string, object?> Logical => _logical;

    /// <summary>Problems met while resolving logical values, one line each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Values with no logical names: raw keywords only (used to identify the instrument).</summary>
    public static FrameValues Raw(Header header) => new(header);

    /// <summary>Resolves every logical name of <paramref name="instrument"/> from <paramref name="header"/>.</summary>
    public static FrameValues For(InstrumentDefinition instrument, Header header)
    {
        var values = new FrameValues(header);
        foreach (var mapping in instrument.Keywords) values._logical[mapping.Name] = values.Resolve(mapping);
        return values;
    }

    /// <inheritdoc/>
    public object? Get(string name) => _logical.TryGetValue(name, out var v) ? v : GetKeyword(name);

    /// <inheritdoc/>
    public object? GetKeyword(string keyword)
    {
        var card = _header.FindCard(keyword);
        if (card is null) return null;
        return card.Kind switch
        {
            HeaderValueKind.String or HeaderValueKind.Invalid => ((string)card.Value!).Trim(),
            HeaderValueKind.Integer => (double)(long)card.Value!,
            HeaderValueKind.Real or HeaderValueKind.Logical => card.Value,
            HeaderValueKind.Complex => card.RawValue ?? card.ValueText,
            _ => null,
        };
    }

    /// <summary>A logical value as text (numbers in invariant culture), or null.</summary>
    public string? Text(string name) => RuleFunctions.ToText(Get(name));

    /// <summary>The frame's time (logical name <c>mjd</c>) as an MJD, or null.</summary>
    public double? Mjd => Get("mjd") is double d && !double.IsNaN(d) ? d : null;

    private object? Resolve(KeywordMapping m)
    {
        object? value = null;
        if (m.Expression is not null)
        {
            try { value = Normalise(m.Expression.Evaluate(this)); }
            catch (RuleEvaluationException e) { _problems.Add($"logical value '{m.Name}': {e.Message}"); }
        }
        else
        {
            foreach (var key in m.Keys)
            {
                var raw = GetKeyword(key);
                if (raw is null) continue;
                if (TryConvert(m, key, raw, out value)) break;
            }
        }
        if (value is string s)
        {
            foreach (var t in m.Transforms)
            {
                s = t switch
                {
                    StringTransform.Trim => s.Trim(),
                    StringTransform.Lower => s.ToLowerInvariant(),
                    StringTransform.Upper => s.ToUpperInvariant(),
                    _ => s,
                };
            }
            value = s;
        }
        if (value is not null && m.Map.Count > 0)
        {
            var text = RuleFunctions.ToText(value)!.Trim();
            foreach (var (pattern, mapped) in m.Map)
            {
                if (Matches(text, pattern)) { value = mapped; break; }
            }
        }
        return value ?? m.Default;
    }

    private bool TryConvert(KeywordMapping m, string key, object raw, out object? value)
    {
        value = null;
        switch (m.Type)
        {
            case KeywordValueType.String:
                value = RuleFunctions.ToText(raw);
                return true;
            case KeywordValueType.Number:
                if (RuleFunctions.ToNumber(raw) is { } d) { value = d; return true; }
                _problems.Add($"logical value '{m.Name}': keyword {key} = '{raw}' is not a number");
                return false;
            case KeywordValueType.Bool:
                value = raw switch
                {
                    bool b => b,
                    string t => t.Trim().ToLowerInvariant() switch
                    {
                        "t" or "true" or "on" or "yes" or "1" => true,
                        "f" or "false" or "off" or "no" or "0" => false,
                        _ => null,
                    },
                    double n => n != 0,
                    _ => null,
                };
                if (value is null) _problems.Add($"logical value '{m.Name}': keyword {key} = '{raw}' is not a logical");
                return value is not null;
            case KeywordValueType.Mjd:
                if (raw is double mjd) { value = mjd; return true; }
                if (raw is string text)
                {
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) { value = n; return true; }
                    var time = m.TimeKeys.Select(k => GetKeyword(k) as string).FirstOrDefault(t => t is not null);
                    if (!text.Contains('T') && time is not null && TimeConversions.TryParseDate(text, time, out var withTime)) { value = TimeConversions.ToMjd(withTime); return true; }
                    if (TimeConversions.TryParseDate(text, null, out var utc)) { value = TimeConversions.ToMjd(utc); return true; }
                }
                _problems.Add($"logical value '{m.Name}': keyword {key} = '{raw}' is not a date or MJD");
                return false;
        }
        return false;
    }

    private static object? Normalise(object? v) => v switch
    {
        int i => (double)i,
        long l => (double)l,
        decimal d => (double)d,
        float f => (double)f,
        _ => v,
    };

    private static bool Matches(string text, string pattern)
    {
        if (!pattern.Contains('*')) return string.Equals(text, pattern.Trim(), StringComparison.OrdinalIgnoreCase);
        var regex = "^" + string.Join(".*", pattern.Trim().Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(text, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
