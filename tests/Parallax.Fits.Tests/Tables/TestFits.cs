using System.Text;

namespace Parallax.Fits.Tests.Tables;

/// <summary>Builds small FITS files byte by byte from card text, for headers no writer would produce.</summary>
internal static class TestFits
{
    public static byte[] EmptyPrimary() => Hdu(["SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0", "EXTEND  =                    T"], []);

    /// <summary>One HDU: the cards, END, padding, then the data padded to 2880 bytes.</summary>
    public static byte[] Hdu(IEnumerable<string> cards, byte[] data, byte pad = 0)
    {
        var header = new StringBuilder();
        foreach (var c in cards) header.Append(c.PadRight(80)[..80]);
        header.Append("END".PadRight(80));
        while (header.Length % 2880 != 0) header.Append(' ');
        var padded = (data.Length + 2879) / 2880 * 2880;
        var bytes = new byte[header.Length + padded];
        Encoding.ASCII.GetBytes(header.ToString(), bytes);
        data.CopyTo(bytes, header.Length);
        bytes.AsSpan(header.Length + data.Length).Fill(pad);
        return bytes;
    }

    public static byte[] AsciiTable(string[] columnCards, int rowLength, string[] rows)
    {
        var fields = columnCards.Count(c => c.StartsWith("TFORM", StringComparison.Ordinal));
        string[] cards =
        [
            "XTENSION= 'TABLE   '", "BITPIX  =                    8", "NAXIS   =                    2",
            $"NAXIS1  = {rowLength,20}", $"NAXIS2  = {rows.Length,20}", "PCOUNT  =                    0", "GCOUNT  =                    1",
            $"TFIELDS = {fields,20}", .. columnCards,
        ];
        var data = Encoding.ASCII.GetBytes(string.Concat(rows.Select(r => r.PadRight(rowLength))));
        // ASCII tables pad their data with spaces (FITS 4.0 section 7.2.3).
        return [.. EmptyPrimary(), .. Hdu(cards, data, (byte)' ')];
    }

    public static byte[] BinaryTable(string[] columnCards, int rowLength, long rowCount, byte[] data, long pcount = 0)
    {
        var fields = columnCards.Count(c => c.StartsWith("TFORM", StringComparison.Ordinal));
        string[] cards =
        [
            "XTENSION= 'BINTABLE'", "BITPIX  =                    8", "NAXIS   =                    2",
            $"NAXIS1  = {rowLength,20}", $"NAXIS2  = {rowCount,20}", $"PCOUNT  = {pcount,20}", "GCOUNT  =                    1",
            $"TFIELDS = {fields,20}", .. columnCards,
        ];
        return [.. EmptyPrimary(), .. Hdu(cards, data)];
    }
}
