using System.Globalization;
using System.Reflection;
using System.Text;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// One recipe parameter as users see it: name, doc string, kind, default, range or choices. It
/// reads values from text (command line) or YAML/JSON scalars, checks them against the range or
/// choices, and writes them back as canonical text (for headers, hashes and listings).
/// </summary>
public sealed class ParameterDescriptor
{
    private readonly Type? _enumType;

    internal ParameterDescriptor(PropertyInfo property, ParameterAttribute attribute, object? defaultValue)
    {
        Property = property;
        Name = attribute.Name ?? SnakeCase(property.Name);
        Doc = attribute.Doc;
        Unit = attribute.Unit;
        var t = property.PropertyType;
        (Kind, _enumType) = t switch
        {
            _ when t == typeof(double) => (ParameterKind.Number, null),
            _ when t == typeof(int) => (ParameterKind.Integer, null),
            _ when t == typeof(bool) => (ParameterKind.Bool, null),
            _ when t == typeof(string) => (ParameterKind.Text, null),
            _ when t.IsEnum => (ParameterKind.Choice, t),
            _ => throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: a recipe parameter must be double, int, bool, string or an enum, not {t.Name}"),
        };
        Minimum = double.IsNegativeInfinity(attribute.Minimum) ? null : attribute.Minimum;
        Maximum = double.IsPositiveInfinity(attribute.Maximum) ? null : attribute.Maximum;
        Choices = _enumType is not null ? Enum.GetNames(_enumType).Select(SnakeCase).ToList() : attribute.Choices ?? [];
        Default = defaultValue;
        if (Minimum > Maximum) throw new InvalidOperationException($"parameter {Name}: minimum {Minimum} is above maximum {Maximum}");
        if (CheckValue(defaultValue) is { } bad) throw new InvalidOperationException($"parameter {Name}: the default breaks its own rule: {bad}");
    }

    /// <summary>The name users type, lower snake case (e.g. <c>clip_sigma</c>).</summary>
    public string Name { get; }

    /// <summary>What the parameter does.</summary>
    public string Doc { get; }

    /// <summary>The value type.</summary>
    public ParameterKind Kind { get; }

    /// <summary>The recipe's default value (typed: double, int, bool, string or the enum).</summary>
    public object? Default { get; }

    /// <summary>Smallest accepted number (inclusive), or null.</summary>
    public double? Minimum { get; }

    /// <summary>Largest accepted number (inclusive), or null.</summary>
    public double? Maximum { get; }

    /// <summary>The accepted text values (snake case for enums); empty for free text or numbers.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>The unit of a number, or null.</summary>
    public string? Unit { get; }

    /// <summary>The record property that holds the value.</summary>
    internal PropertyInfo Property { get; }

    /// <summary>"number", "integer", "bool", "text" or "choice".</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>The valid values in words: "0 .. 100", "≥ 0", "median | mean", or "" when anything of the kind goes.</summary>
    public string RangeText
    {
        get
        {
            if (Choices.Count > 0) return string.Join(" | ", Choices);
            if (Minimum is { } lo && Maximum is { } hi) return $"{Num(lo)} .. {Num(hi)}";
            if (Minimum is { } l) return $">= {Num(l)}";
            if (Maximum is { } h) return $"<= {Num(h)}";
            return "";
        }
    }

    /// <summary>
    /// Converts a raw value (text from a command line, or a YAML/JSON scalar: string, double, long, bool)
    /// to this parameter's type and checks its range or choices.
    /// </summary>
    /// <param name="raw">The value as given.</param>
    /// <param name="value">The typed value when the conversion succeeds.</param>
    /// <param name="error">Why it fails ("'abc' is not a number"), naming the parameter; null on success.</param>
    public bool TryConvert(object? raw, out object? value, out string? error)
    {
        value = null;
        error = null;
        var text = raw switch
        {
            null => null,
            string s => s.Trim(),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString(),
        };
        if (text is null)
        {
            error = $"{Name}: a value is required ({KindName})";
            return false;
        }
        switch (Kind)
        {
            case ParameterKind.Number:
                if (raw is double d0) value = d0;
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) value = d;
                else { error = $"{Name}: '{text}' is not a number"; return false; }
                if (!double.IsFinite((double)value)) { error = $"{Name}: '{text}' is not a finite number"; return false; }
                break;
            case ParameterKind.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) && l is >= int.MinValue and <= int.MaxValue) value = (int)l;
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var di) && di == Math.Floor(di) && Math.Abs(di) <= int.MaxValue) value = (int)di;
                else { error = $"{Name}: '{text}' is not a whole number"; return false; }
                break;
            case ParameterKind.Bool:
                switch (text.ToLowerInvariant())
                {
                    case "true" or "yes" or "on" or "1" or "t": value = true; break;
                    case "false" or "no" or "off" or "0" or "f": value = false; break;
                    default: error = $"{Name}: '{text}' is not true or false"; return false;
                }
                break;
            case ParameterKind.Text:
                value = text;
                break;
            case ParameterKind.Choice:
                var name = Enum.GetNames(_enumType!).FirstOrDefault(n => string.Equals(SnakeCase(n), text, StringComparison.OrdinalIgnoreCase) || string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                if (name is null) { error = $"{Name}: '{text}' is not one of {string.Join(", ", Choices)}"; return false; }
                value = Enum.Parse(_enumType!, name);
                break;
        }
        error = CheckValue(value);
        if (error is not null) { value = null; return false; }
        return true;
    }

    /// <summary>The value as canonical text: numbers round-trip in invariant culture, bools true/false, enums in snake case.</summary>
    public string Format(object? value) => value switch
    {
        null => "",
        double d => Num(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => SnakeCase(e.ToString()),
        _ => value.ToString() ?? "",
    };

    /// <summary>Why a typed value breaks the range or choices, or null when it is valid.</summary>
    private string? CheckValue(object? value)
    {
        switch (value)
        {
            case double or int:
                var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (Minimum is { } lo && x < lo) return $"{Name} = {Format(value)} is below the minimum {Num(lo)}";
                if (Maximum is { } hi && x > hi) return $"{Name} = {Format(value)} is above the maximum {Num(hi)}";
                return null;
            case string s when Kind == ParameterKind.Text && Choices.Count > 0:
                return Choices.Contains(s, StringComparer.Ordinal) ? null : $"{Name} = '{s}' is not one of {string.Join(", ", Choices)}";
            default:
                return null;
        }
    }

    /// <summary>Converts PascalCase to snake_case: <c>ClipSigma</c> → <c>clip_sigma</c>.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({KindName}, default {Format(Default)})";
}
