using System.Globalization;
using Parallax.Fits.Headers;

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// A detector property (gain, read noise, saturation, a section) given either as a literal in the
/// instrument file or as a reference to a header keyword (of the primary HDU or the amplifier's
/// extension), with a default for headers that lack it.
/// </summary>
public sealed class DetectorValue
{
    /// <summary>The literal value (a number or a section string such as <c>[1:2048,1:350]</c>); null for a keyword reference.</summary>
    public object? Literal { get; init; }

    /// <summary>The header keyword that holds the value; null for a literal.</summary>
    public string? Keyword { get; init; }

    /// <summary>The value used when the keyword is absent; null when the keyword is required.</summary>
    public object? Default { get; init; }

    /// <summary>True when the value comes from a header keyword.</summary>
    public bool IsKeywordReference => Keyword is not null;

    /// <summary>The value as a number, reading the keyword from <paramref name="header"/> when this is a reference; null when absent without default.</summary>
    public double? ResolveNumber(Header? header)
    {
        var v = Resolve(header);
        return v switch
        {
            null => null,
            double d => d,
            long l => l,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    /// <summary>The value, reading the keyword from <paramref name="header"/> when this is a reference; null when absent without default.</summary>
    public object? Resolve(Header? header)
    {
        if (Keyword is null) return Literal;
        var card = header?.FindCard(Keyword);
        return card?.Value is { } v ? (v is string s ? s.Trim() : v) : Default;
    }

    /// <inheritdoc/>
    public override string ToString() => Keyword is null
        ? Convert.ToString(Literal, CultureInfo.InvariantCulture) ?? ""
        : $"keyword {Keyword}{(Default is null ? "" : $" (default {Convert.ToString(Default, CultureInfo.InvariantCulture)})")}";
}
