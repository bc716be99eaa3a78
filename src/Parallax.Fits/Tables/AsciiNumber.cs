using System.Globalization;

namespace Parallax.Fits.Tables;

/// <summary>Parses the numbers of ASCII-table fields (FITS 4.0 section 7.2.5).</summary>
internal static class AsciiNumber
{
    /// <summary>
    /// Parses a trimmed field: optional sign, digits with an optional point, an optional exponent introduced by
    /// E or D. When there is no point and <paramref name="impliedDecimals"/> is positive, the point is implied that
    /// many digits from the right of the mantissa, as the standard (and CFITSIO) read Fw.d, Ew.d and Dw.d fields.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> field, int impliedDecimals, out double value)
    {
        value = 0;
        if (field.Length == 0 || field.Length > 256 || impliedDecimals > 256) return false;
        Span<byte> text = stackalloc byte[field.Length + impliedDecimals + 3];
        var n = 0;
        var exponent = field.Length;
        var hasPoint = false;
        for (var i = 0; i < field.Length; i++)
        {
            var ch = field[i];
            if (ch is (byte)'D' or (byte)'d' or (byte)'E' or (byte)'e')
            {
                if (exponent != field.Length) return false;
                exponent = i;
            }
            else if (ch == (byte)'.') hasPoint = true;
            else if (!(ch is >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'-')) return false;
        }
        var mantissa = field[..exponent];
        if (!hasPoint && impliedDecimals > 0)
        {
            var sign = mantissa.Length > 0 && mantissa[0] is (byte)'+' or (byte)'-' ? 1 : 0;
            var digits = mantissa[sign..];
            mantissa[..sign].CopyTo(text);
            n = sign;
            var whole = digits.Length - impliedDecimals;
            if (whole > 0) { digits[..whole].CopyTo(text[n..]); n += whole; }
            else text[n++] = (byte)'0';
            text[n++] = (byte)'.';
            for (var z = whole; z < 0; z++) text[n++] = (byte)'0';
            var fraction = digits[Math.Max(0, whole)..];
            fraction.CopyTo(text[n..]);
            n += fraction.Length;
        }
        else
        {
            mantissa.CopyTo(text);
            n = mantissa.Length;
        }
        if (exponent < field.Length)
        {
            text[n++] = (byte)'E';
            field[(exponent + 1)..].CopyTo(text[n..]);
            n += field.Length - exponent - 1;
        }
        return double.TryParse(text[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
