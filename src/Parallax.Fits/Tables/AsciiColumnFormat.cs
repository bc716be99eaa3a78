using System.Globalization;

namespace Parallax.Fits.Tables;

/// <summary>
/// A parsed ASCII-table TFORMn value (FITS 4.0 section 7.2.1, table 15): <c>Aw</c> (text), <c>Iw</c>
/// (integer), <c>Fw.d</c> (fixed point), <c>Ew.d</c> and <c>Dw.d</c> (exponential), where w is the
/// field width in characters and d the digits after the decimal point.
/// </summary>
/// <param name="Code">'A', 'I', 'F', 'E' or 'D'.</param>
/// <param name="Width">Field width in characters.</param>
/// <param name="Decimals">Digits after the decimal point (0 for A and I).</param>
public readonly record struct AsciiColumnFormat(char Code, int Width, int Decimals)
{
    /// <summary>True for the numeric codes I, F, E and D.</summary>
    public bool IsNumeric => Code is 'I' or 'F' or 'E' or 'D';

    /// <summary>Parses a TFORMn value such as 'A10', 'I8', 'F10.3', 'E14.6' or 'D22.14'.</summary>
    /// <exception cref="FormatException">The text is not an ASCII-table format.</exception>
    public static AsciiColumnFormat Parse(string tform)
        => TryParse(tform, out var format, out var error) ? format : throw new FormatException(error);

    /// <summary>Parses a TFORMn value; on failure returns false and a one-line reason.</summary>
    public static bool TryParse(string? tform, out AsciiColumnFormat format, out string? error)
    {
        format = default;
        error = null;
        var s = (tform ?? "").Trim().ToUpperInvariant();
        if (s.Length < 2 || s[0] is not ('A' or 'I' or 'F' or 'E' or 'D'))
        {
            error = $"TFORM '{tform}' is not an ASCII-table format (Aw, Iw, Fw.d, Ew.d or Dw.d)";
            return false;
        }
        var dot = s.IndexOf('.');
        var widthText = dot < 0 ? s[1..] : s[1..dot];
        var decimals = 0;
        if (dot >= 0)
        {
            // Ew.dEe (exponent digits) is allowed; the exponent width does not change the layout.
            var rest = s[(dot + 1)..];
            var e = rest.IndexOf('E');
            if (!int.TryParse(e < 0 ? rest : rest[..e], NumberStyles.None, CultureInfo.InvariantCulture, out decimals))
            {
                error = $"TFORM '{tform}': the digits after the point are not a number";
                return false;
            }
        }
        if (!int.TryParse(widthText, NumberStyles.None, CultureInfo.InvariantCulture, out var width) || width < 1)
        {
            error = $"TFORM '{tform}': the field width is not a positive integer";
            return false;
        }
        if (dot >= 0 && s[0] is 'A' or 'I')
        {
            error = $"TFORM '{tform}': an {s[0]} field has no decimals";
            return false;
        }
        format = new AsciiColumnFormat(s[0], width, decimals);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
        => Code is 'A' or 'I' ? string.Create(CultureInfo.InvariantCulture, $"{Code}{Width}") : string.Create(CultureInfo.InvariantCulture, $"{Code}{Width}.{Decimals}");
}
