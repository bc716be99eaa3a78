using System.Globalization;
using System.Numerics;
using System.Text;

namespace Parallax.Fits.Headers;

/// <summary>Turns logical cards into 80-character card images (fixed format where the value fits, CONTINUE for long strings).</summary>
internal static class HeaderCardFormatter
{
    public const int CardLength = 80;

    /// <summary>The card images for one logical card: the original images when unchanged, else freshly formatted ones.</summary>
    public static IEnumerable<string> Format(HeaderCard card)
    {
        if (card.OriginalImages is { } images) return images;
        if (card.IsCommentary) return FormatCommentary(card);
        if (card.IsHierarch) return [FormatHierarch(card)];
        if (card.Kind == HeaderValueKind.String) return FormatString(card.Keyword, (string)card.Value!, card.Comment);
        return [Finish(card.Keyword.PadRight(8) + "= " + FixedValue(card).PadLeft(20), card.Comment)];
    }

    /// <summary>Formats a double the shortest way that reads back exactly, always with a decimal point or exponent.</summary>
    public static string FormatReal(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E');
        if (e < 0) return s.Contains('.') ? s : s + ".0";
        var mantissa = s[..e];
        if (!mantissa.Contains('.')) mantissa += ".0";
        return mantissa + s[e..];
    }

    /// <summary>Formats a complex value as (re, im).</summary>
    public static string FormatComplex(Complex c) => $"({FormatReal(c.Real)}, {FormatReal(c.Imaginary)})";

    /// <summary>Quotes a string value, doubling embedded quotes and padding to the 8-character minimum.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "''").PadRight(8) + "'";

    private static string FixedValue(HeaderCard card) => card.Kind switch
    {
        HeaderValueKind.Undefined => "",
        HeaderValueKind.Invalid => (string)card.Value!,
        _ => card.ValueText,
    };

    private static IEnumerable<string> FormatCommentary(HeaderCard card)
    {
        var text = card.Comment ?? "";
        var key = card.Keyword.PadRight(8);
        if (text.Length <= 72) return [(key + text).PadRight(CardLength)];
        var lines = new List<string>();
        for (var i = 0; i < text.Length; i += 72)
            lines.Add((key + text.Substring(i, Math.Min(72, text.Length - i))).PadRight(CardLength));
        return lines;
    }

    private static string FormatHierarch(HeaderCard card)
    {
        var value = card.Kind switch
        {
            HeaderValueKind.String => Quote((string)card.Value!).TrimEnd('\'').TrimEnd() + "'",
            _ => FixedValue(card),
        };
        var head = "HIERARCH " + card.Keyword + " = " + value;
        if (head.Length > CardLength)
            throw new ArgumentException($"HIERARCH {card.Keyword}: keyword and value are {head.Length} characters; a card holds 80");
        return Finish(head, card.Comment);
    }

    private static IEnumerable<string> FormatString(string keyword, string value, string? comment)
    {
        var quoted = Quote(value);
        if (quoted.Length <= 70) return [Finish(keyword.PadRight(8) + "= " + quoted, comment)];

        // Long string: split the escaped text into chunks that never cut a '' escape in two.
        var escaped = value.Replace("'", "''");
        var chunks = new List<string>();
        var pos = 0;
        while (pos < escaped.Length)
        {
            var len = Math.Min(66, escaped.Length - pos);
            if (pos + len < escaped.Length && CountTrailingQuotes(escaped, pos, len) % 2 == 1) len--;
            chunks.Add(escaped.Substring(pos, len));
            pos += len;
        }
        var cards = new List<string>(chunks.Count + 1);
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            var prefix = i == 0 ? keyword.PadRight(8) + "= " : "CONTINUE  ";
            var field = "'" + chunks[i] + (last ? "'" : "&'");
            cards.Add(last ? Finish(prefix + field, comment) : (prefix + field).PadRight(CardLength));
        }
        return cards;
    }

    private static int CountTrailingQuotes(string s, int start, int len)
    {
        var n = 0;
        for (var i = start + len - 1; i >= start && s[i] == '\''; i--) n++;
        return n;
    }

    /// <summary>Adds " / comment" where it fits (truncating the comment) and pads to 80 characters.</summary>
    private static string Finish(string head, string? comment)
    {
        var sb = new StringBuilder(head, CardLength);
        if (!string.IsNullOrEmpty(comment) && head.Length <= CardLength - 4)
        {
            // Pad the value field to column 30 as the fixed format (and astropy) do, so a card we
            // write is byte-identical to the one astropy would write; astropy recomputes CHECKSUM
            // from its own rendering of the header.
            if (sb.Length < 30) sb.Append(' ', 30 - sb.Length);
            sb.Append(" / ");
            sb.Append(comment.AsSpan(0, Math.Min(comment.Length, CardLength - sb.Length)));
        }
        if (sb.Length > CardLength) throw new ArgumentException($"card '{head[..8].Trim()}' does not fit in 80 characters");
        return sb.ToString().PadRight(CardLength);
    }
}
