using System.Globalization;
using Parallax.Fits.Headers;

namespace Parallax.Fits.Tables;

/// <summary>
/// Reads the keywords binary and ASCII tables share (FITS 4.0 section 7.2.1 and 7.3.1) and reports
/// problems the way the file was opened to: layout errors always throw, naming the keyword and
/// card; problems that can be read around (a TDIM that does not fit, TSCAL on a text column)
/// throw in <see cref="VerifyMode.Exception"/> and are otherwise recorded as warnings and ignored.
/// </summary>
internal sealed class TableHeaderReader(Header header, FitsReadOptions options, ICollection<string> warnings)
{
    private const int MaxFields = 999;

    public Header Header => header;

    /// <summary>An error naming a keyword and its card number (when the keyword is present).</summary>
    public FitsFormatException Error(string keyword, string reason)
    {
        var i = header.IndexOf(keyword);
        return FitsFormatException.At(header.Location, reason, keyword, i >= 0 ? i + 1 : null);
    }

    /// <summary>A problem that can be read around: throws in exception mode, else records a warning.</summary>
    public void Problem(string keyword, string reason)
    {
        if (options.Verify == VerifyMode.Exception) throw Error(keyword, reason);
        var i = header.IndexOf(keyword);
        warnings.Add($"{header.Location}{(i >= 0 ? $" card {i + 1}" : "")} keyword {keyword}: {reason}; ignored");
    }

    /// <summary>Checks BITPIX = 8, NAXIS = 2 and GCOUNT = 1, and returns NAXIS1 (row length) and NAXIS2 (rows).</summary>
    public (int RowLength, long RowCount) Shape(string tableKind)
    {
        if (header.GetInt64("BITPIX") != 8) throw Error("BITPIX", $"a {tableKind} must have BITPIX = 8, not {header.GetInt64("BITPIX")}");
        if (header.GetInt64("NAXIS") != 2) throw Error("NAXIS", $"a {tableKind} must have NAXIS = 2, not {header.GetInt64("NAXIS")}");
        if (header.GetInt64("GCOUNT", 1) != 1) throw Error("GCOUNT", $"a {tableKind} must have GCOUNT = 1, not {header.GetInt64("GCOUNT", 1)}");
        var rowLength = header.GetInt64("NAXIS1");
        if (rowLength > int.MaxValue) throw Error("NAXIS1", $"rows of {rowLength:N0} bytes are wider than this reader supports");
        return ((int)rowLength, header.GetInt64("NAXIS2"));
    }

    /// <summary>TFIELDS, checked to lie in 0..999.</summary>
    public int FieldCount()
    {
        if (!header.Contains("TFIELDS")) throw Error("TFIELDS", "the table has no TFIELDS keyword, so its columns are unknown");
        var n = header.GetInt64("TFIELDS");
        if (n is < 0 or > MaxFields) throw Error("TFIELDS", $"TFIELDS {n} is outside 0..999");
        return (int)n;
    }

    /// <summary>A string keyword, trimmed; null when absent, undefined or blank.</summary>
    public string? Text(string keyword)
    {
        var card = header.FindCard(keyword);
        if (card is null || card.Kind is HeaderValueKind.Undefined or HeaderValueKind.None) return null;
        var s = card.Kind is HeaderValueKind.String or HeaderValueKind.Invalid ? ((string)card.Value!).Trim() : card.ValueText.Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>TSCALn and TZEROn (1 and 0 when absent); a zero TSCAL is a problem and reads as 1.</summary>
    public (double Scale, double Zero) Scaling(int n)
    {
        var scale = header.GetDouble($"TSCAL{n}", 1.0);
        var zero = header.GetDouble($"TZERO{n}", 0.0);
        if (scale == 0)
        {
            Problem($"TSCAL{n}", "TSCAL is 0, which would make every value equal TZERO");
            scale = 1.0;
        }
        return (scale, zero);
    }

    /// <summary>Parses a TDIMn value such as '(3,2)'; null (after a problem report) when it is malformed.</summary>
    public int[]? Dims(int n)
    {
        var key = $"TDIM{n}";
        var text = Text(key);
        if (text is null) return null;
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')')
        {
            Problem(key, $"'{text}' is not of the form (n1,n2,...)");
            return null;
        }
        var parts = text[1..^1].Split(',');
        var dims = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 0)
            {
                Problem(key, $"'{text}': '{parts[i].Trim()}' is not a non-negative integer");
                return null;
            }
        }
        return dims;
    }
}
