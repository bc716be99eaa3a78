using System.Globalization;
using System.Numerics;

namespace Parallax.Fits.Headers;

/// <summary>
/// One logical header card: keyword, typed value and comment. A long string written over
/// several CONTINUE cards is one logical card. Cards are immutable; a card read from a file
/// remembers its original 80-character images so an unchanged header is written back byte
/// for byte.
/// </summary>
public sealed class HeaderCard
{
    internal HeaderCard(string keyword, HeaderValueKind kind, object? value, string? comment, bool isHierarch, string? rawValue, string[]? images)
    {
        Keyword = keyword;
        Kind = kind;
        Value = value;
        Comment = comment;
        IsHierarch = isHierarch;
        RawValue = rawValue;
        OriginalImages = images;
    }

    /// <summary>The keyword: upper case, up to 8 characters, or the words after HIERARCH (e.g. "ESO DPR CATG").</summary>
    public string Keyword { get; }

    /// <summary>The value's type.</summary>
    public HeaderValueKind Kind { get; }

    /// <summary>The value: <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="Complex"/>,
    /// <see cref="string"/> (for strings and for <see cref="HeaderValueKind.Invalid"/> raw text), or null when undefined or commentary.</summary>
    public object? Value { get; }

    /// <summary>The comment after the slash, or the text of a COMMENT/HISTORY/blank card; null when absent.</summary>
    public string? Comment { get; }

    /// <summary>True for an ESO HIERARCH card.</summary>
    public bool IsHierarch { get; }

    /// <summary>The value field as written in the file (trimmed), or null for cards built in memory.</summary>
    public string? RawValue { get; }

    /// <summary>The 80-character images this card was read from (several for CONTINUE), or null when built or changed in memory.</summary>
    public IReadOnlyList<string>? OriginalImages { get; }

    /// <summary>True for COMMENT, HISTORY and blank-keyword cards.</summary>
    public bool IsCommentary => Kind == HeaderValueKind.None;

    /// <summary>Creates a value card. Accepts bool, any integer type, float, double, decimal, Complex, string or null (undefined).</summary>
    /// <exception cref="ArgumentException">The keyword is not valid FITS or the value is NaN/infinite or of an unsupported type.</exception>
    public static HeaderCard Create(string keyword, object? value, string? comment = null)
    {
        var (key, hierarch) = NormaliseKeyword(keyword);
        if (hierarch is false && key is "COMMENT" or "HISTORY" or "")
            return Commentary(key, value?.ToString() ?? comment ?? "");
        var (kind, v) = value switch
        {
            null => (HeaderValueKind.Undefined, (object?)null),
            bool b => (HeaderValueKind.Logical, b),
            string s => (HeaderValueKind.String, s),
            sbyte or byte or short or ushort or int or uint or long => (HeaderValueKind.Integer, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            ulong u when u <= long.MaxValue => (HeaderValueKind.Integer, (long)u),
            float f => (HeaderValueKind.Real, CheckFinite(f, key)),
            double d => (HeaderValueKind.Real, CheckFinite(d, key)),
            decimal m => (HeaderValueKind.Real, (double)m),
            Complex c => (HeaderValueKind.Complex, c),
            _ => throw new ArgumentException($"keyword {key}: a {value.GetType().Name} cannot be a FITS header value", nameof(value)),
        };
        return new HeaderCard(key, kind, v, comment, hierarch, null, null);
    }

    /// <summary>Creates a COMMENT, HISTORY or blank-keyword card.</summary>
    public static HeaderCard Commentary(string keyword, string text)
        => new(keyword.Trim().ToUpperInvariant(), HeaderValueKind.None, null, text, false, null, null);

    /// <summary>Returns a copy with a new value, keeping the keyword and (unless given) the comment.</summary>
    public HeaderCard WithValue(object? value, string? comment = null)
        => Create(IsHierarch ? "HIERARCH " + Keyword : Keyword, value, comment ?? Comment);

    /// <summary>Splits off HIERARCH and checks the keyword; returns the stored keyword and whether it is HIERARCH.</summary>
    internal static (string Keyword, bool Hierarch) NormaliseKeyword(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var k = keyword.Trim();
        if (k.StartsWith("HIERARCH ", StringComparison.OrdinalIgnoreCase))
            return (CollapseSpaces(k[9..]).ToUpperInvariant(), true);
        k = k.ToUpperInvariant();
        if (k.Length > 8 || k.Contains(' '))
            return (CollapseSpaces(k), true);
        foreach (var ch in k)
        {
            if (!IsKeywordChar(ch))
                throw new ArgumentException($"keyword '{keyword}' has the character '{ch}', which FITS does not allow", nameof(keyword));
        }
        return (k, false);
    }

    internal static bool IsKeywordChar(char ch) => ch is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_';

    private static string CollapseSpaces(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static double CheckFinite(double d, string key)
        => double.IsFinite(d) ? d : throw new ArgumentException($"keyword {key}: {d} cannot be written in a FITS header (only finite numbers can)", nameof(d));

    /// <summary>The value as display text (strings unquoted, logicals as T/F).</summary>
    public string ValueText => Kind switch
    {
        HeaderValueKind.None or HeaderValueKind.Undefined => "",
        HeaderValueKind.Logical => (bool)Value! ? "T" : "F",
        HeaderValueKind.Real => HeaderCardFormatter.FormatReal((double)Value!),
        HeaderValueKind.Integer => ((long)Value!).ToString(CultureInfo.InvariantCulture),
        HeaderValueKind.Complex => HeaderCardFormatter.FormatComplex((Complex)Value!),
        _ => (string)Value!,
    };

    /// <inheritdoc/>
    public override string ToString() => string.Concat(HeaderCardFormatter.Format(this));
}
