using System.Buffers;
using Parallax.Fits.Headers;

namespace Parallax.Fits.Tables;

/// <summary>Builds the structural header of a <see cref="BinaryTable"/> and writes its rows and heap.</summary>
internal static class BinaryTableWriter
{
    private static readonly string[] ColumnKeywords = ["TTYPE", "TFORM", "TUNIT", "TSCAL", "TZERO", "TNULL", "TDIM", "TDISP", "TBCOL"];

    /// <summary>XTENSION through TFIELDS, then each column's keywords.</summary>
    public static Header Structure(BinaryTable table)
    {
        if (table.RowLength > int.MaxValue) throw new InvalidOperationException($"rows of {table.RowLength:N0} bytes are wider than FITS readers support");
        var h = new Header();
        h.Add(HeaderCard.Create("XTENSION", "BINTABLE", "binary table extension"));
        h.Add(HeaderCard.Create("BITPIX", 8L, "8-bit bytes"));
        h.Add(HeaderCard.Create("NAXIS", 2L, "2-dimensional binary table"));
        h.Add(HeaderCard.Create("NAXIS1", table.RowLength, "bytes per row"));
        h.Add(HeaderCard.Create("NAXIS2", table.RowCount, "number of rows"));
        h.Add(HeaderCard.Create("PCOUNT", table.HeapBytes, "heap size in bytes"));
        h.Add(HeaderCard.Create("GCOUNT", 1L, "one data group"));
        h.Add(HeaderCard.Create("TFIELDS", (long)table.Data.Count, "number of columns"));
        foreach (var data in table.Data)
        {
            var c = data.Column;
            var n = c.Index + 1;
            if (c.Name.Length > 0) h.Add(HeaderCard.Create($"TTYPE{n}", c.Name, $"name of column {n}"));
            h.Add(HeaderCard.Create($"TFORM{n}", c.Format.ToString(), $"format of column {n}"));
            if (c.Unit is { } unit) h.Add(HeaderCard.Create($"TUNIT{n}", unit, $"unit of column {n}"));
            if (c.Null is { } nul) h.Add(HeaderCard.Create($"TNULL{n}", nul, "stored value meaning undefined"));
            if (c.Scale != 1.0) h.Add(HeaderCard.Create($"TSCAL{n}", c.Scale, "physical = stored * TSCAL + TZERO"));
            if (c.Zero != 0.0) h.Add(ZeroCard(n, c.Zero, c.IsUnsignedConvention));
            if (c.Dims is { } dims) h.Add(HeaderCard.Create($"TDIM{n}", $"({string.Join(',', dims)})", $"shape of column {n}"));
            if (c.Display is { } display) h.Add(HeaderCard.Create($"TDISP{n}", display, $"display format of column {n}"));
        }
        return h;
    }

    /// <summary>Data unit bytes: the rows, then the heap.</summary>
    public static long DataSize(BinaryTable table) => table.RowLength * table.RowCount + table.HeapBytes;

    /// <summary>True for keywords the table's structure supplies, which a caller's header must not repeat.</summary>
    public static bool IsReserved(string keyword)
    {
        if (keyword is "TFIELDS" or "THEAP") return true;
        foreach (var prefix in ColumnKeywords)
        {
            if (keyword.Length > prefix.Length && keyword.StartsWith(prefix, StringComparison.Ordinal)
                && keyword.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
                return true;
        }
        return false;
    }

    /// <summary>Writes the rows in chunks of about 1 MiB, every column filling its field, then each column's heap arrays.</summary>
    public static void WriteData(BinaryTable table, DataSink sink)
    {
        var rowLength = (int)table.RowLength;
        if (rowLength > 0 && table.RowCount > 0)
        {
            var rowsPerChunk = Math.Max(1, (1 << 20) / rowLength);
            var buffer = ArrayPool<byte>.Shared.Rent(rowsPerChunk * rowLength);
            try
            {
                for (long first = 0; first < table.RowCount; first += rowsPerChunk)
                {
                    var n = (int)Math.Min(rowsPerChunk, table.RowCount - first);
                    var rows = buffer.AsSpan(0, n * rowLength);
                    rows.Clear();
                    foreach (var data in table.Data) data.Encode(rows, rowLength, first, n);
                    sink.Write(rows);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        foreach (var data in table.Data) data.WriteHeap(sink);
    }

    private static HeaderCard ZeroCard(int n, double zero, bool unsignedConvention)
    {
        var key = $"TZERO{n}";
        const string comment = "physical = stored * TSCAL + TZERO";
        if (unsignedConvention && zero == 9223372036854775808.0)
        {
            // 2^63 does not fit a 64-bit signed card value; write the exact integer, as astropy and CFITSIO do.
            var image = (key.PadRight(8) + "= " + "9223372036854775808".PadLeft(20) + " / offset for unsigned 64-bit integers").PadRight(80);
            return new HeaderCard(key, HeaderValueKind.Real, zero, "offset for unsigned 64-bit integers", false, "9223372036854775808", [image]);
        }
        if (zero == Math.Round(zero) && Math.Abs(zero) < 9007199254740992.0)
            return HeaderCard.Create(key, (long)zero, comment);
        return HeaderCard.Create(key, zero, comment);
    }
}
