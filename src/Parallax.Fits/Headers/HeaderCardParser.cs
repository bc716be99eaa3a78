using System.Globalization;
using System.Numerics;

namespace Parallax.Fits.Headers;

/// <summary>Parses one 80-character card image into keyword, value and comment.</summary>
internal static class HeaderCardParser
{
    /// <summary>The parts of one physical card.</summary>
    internal readonly record struct Parsed(string Keyword, HeaderValueKind Kind, object? Value, string? Comment, bool IsHierarch, string? RawValue, string? Problem);

    /// <summary>Parses a card image. Never throws: a problem is returned in <see cref="Parsed.Problem"/>.</summary>
    public static Parsed Parse(string image)
    {
        var keyField = image.Length >= 8 ? image[..8] : image;
        var keyword = keyField.TrimEnd();

        // 'HIERARCH=' (no blank after it) is a plain keyword card, not the ESO convention.
        if (keyword == "HIERARCH" && !(image.Length > 8 && image[8] == '='))
        {
            var eq = image.IndexOf('=', 8);
            if (eq < 0) return new Parsed("HIERARCH", HeaderValueKind.None, null, image[8..].TrimEnd(), false, null, null);
            var hk = string.Join(' ', image[9..eq].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
            var v = ParseValue(image.AsSpan(eq + 1));
            return new Parsed(hk, v.Kind, v.Value, v.Comment, true, v.Raw, v.Problem);
        }

        string? problem = null;
        foreach (var ch in keyword)
        {
            if (ch != ' ' && !HeaderCard.IsKeywordChar(ch))
            {
                problem = $"keyword '{keyword}' has the character '{ch}', which FITS does not allow";
                break;
            }
        }
        if (keyword.Contains(' ')) problem ??= $"keyword '{keyword}' has embedded or leading spaces";

        if (keyword is "COMMENT" or "HISTORY" or "" || image.Length < 10 || image[8] != '=')
        {
            if (keyword == "CONTINUE")
            {
                var cv = ParseValue(image.AsSpan(8));
                return new Parsed(keyword, cv.Kind, cv.Value, cv.Comment, false, cv.Raw, problem ?? cv.Problem);
            }
            var text = image.Length > 8 ? image[8..].TrimEnd() : "";
            return new Parsed(keyword, HeaderValueKind.None, null, text, false, null, problem);
        }
        if (image[9] != ' ') problem ??= "value indicator '=' is not followed by a space";
        var parsed = ParseValue(image.AsSpan(10));
        return new Parsed(keyword.ToUpperInvariant(), parsed.Kind, parsed.Value, parsed.Comment, false, parsed.Raw, problem ?? parsed.Problem);
    }

    private readonly record struct ValueField(HeaderValueKind Kind, object? Value, string? Comment, string? Raw, string? Problem);

    private static ValueField ParseValue(ReadOnlySpan<char> field)
    {
        var i = 0;
        while (i < field.Length && field[i] == ' ') i++;
        if (i < field.Length && field[i] == '\'')
        {
            var sb = new System.Text.StringBuilder();
            var j = i + 1;
            var closed = false;
            while (j < field.Length)
            {
                if (field[j] == '\'')
                {
                    if (j + 1 < field.Length && field[j + 1] == '\'') { sb.Append('\''); j += 2; continue; }
                    closed = true;
                    j++;
                    break;
                }
                sb.Append(field[j++]);
            }
            var str = sb.ToString().TrimEnd();
            var raw = field[i..j].ToString();
            if (!closed) return new ValueField(HeaderValueKind.String, str, null, raw, "string value has no closing quote");
            var (comment, junk) = SplitComment(field[j..]);
            return new ValueField(HeaderValueKind.String, str, comment, raw, junk ? $"text '{field[j..].ToString().Trim()}' after the closing quote" : null);
        }

        var rest = field[i..];
        var slash = rest.IndexOf('/');
        // A complex value contains a comma but no slash; the first slash starts the comment.
        var valueText = (slash >= 0 ? rest[..slash] : rest).Trim();
        var commentText = slash >= 0 ? rest[(slash + 1)..].Trim().ToString() : null;
        var rawValue = valueText.ToString();
        if (valueText.Length == 0) return new ValueField(HeaderValueKind.Undefined, null, commentText, rawValue, null);
        if (valueText is "T") return new ValueField(HeaderValueKind.Logical, true, commentText, rawValue, null);
        if (valueText is "F") return new ValueField(HeaderValueKind.Logical, false, commentText, rawValue, null);
        if (valueText[0] == '(' && valueText[^1] == ')')
        {
            var parts = valueText[1..^1].ToString().Split(',');
            if (parts.Length == 2 && TryParseReal(parts[0].Trim(), out var re) && TryParseReal(parts[1].Trim(), out var im))
                return new ValueField(HeaderValueKind.Complex, new Complex(re, im), commentText, rawValue, null);
        }
        if (IsInteger(valueText))
        {
            if (long.TryParse(valueText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                return new ValueField(HeaderValueKind.Integer, l, commentText, rawValue, null);
            return new ValueField(HeaderValueKind.Real, double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture), commentText, rawValue, null);
        }
        if (TryParseReal(rawValue, out var d)) return new ValueField(HeaderValueKind.Real, d, commentText, rawValue, null);
        return new ValueField(HeaderValueKind.Invalid, rawValue, commentText, rawValue, $"value '{rawValue}' is not a FITS string, logical, number or complex");
    }

    private static (string? Comment, bool Junk) SplitComment(ReadOnlySpan<char> after)
    {
        var t = after.Trim();
        if (t.Length == 0) return (null, false);
        if (t[0] == '/') return (t[1..].Trim().ToString(), false);
        var slash = t.IndexOf('/');
        return (slash >= 0 ? t[(slash + 1)..].Trim().ToString() : null, true);
    }

    private static bool IsInteger(ReadOnlySpan<char> s)
    {
        var k = s[0] is '+' or '-' ? 1 : 0;
        if (k == s.Length) return false;
        for (; k < s.Length; k++) if (!char.IsAsciiDigit(s[k])) return false;
        return true;
    }

    /// <summary>Parses a FITS real: digits with optional point and an E or D exponent; no NaN, no infinity, no hex.</summary>
    internal static bool TryParseReal(string s, out double value)
    {
        value = 0;
        if (s.Length == 0) return false;
        var hasDigit = false;
        foreach (var ch in s)
        {
            if (char.IsAsciiDigit(ch)) hasDigit = true;
            else if (ch is not ('+' or '-' or '.' or 'E' or 'e' or 'D' or 'd')) return false;
        }
        if (!hasDigit) return false;
        return double.TryParse(s.Replace('D', 'E').Replace('d', 'E'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
