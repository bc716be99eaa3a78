using System.CommandLine;
using System.Text.Json;
using Parallax.Fits;
using Parallax.Fits.Checksums;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax info FILE...</c>: HDU lists, headers, chosen keywords across files, verification.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FITS files (plain, .gz or .fz)", Arity = ArgumentArity.OneOrMore }.RejectUnknownOptions();
        var header = new Option<bool>("--header", "-H") { Description = "Print the header cards of each HDU (like fitsheader)" };
        var hdu = new Option<int?>("--hdu") { Description = "Only this HDU (zero-based index) for --header, --columns and --keyword; default: all HDUs for --header and --columns, the primary for --keyword" };
        var keywords = new Option<string[]>("--keyword", "-k") { Description = "Print these keywords (comma-separated, or repeated) as a table, one row per file; HIERARCH keywords as 'ESO DPR CATG'", AllowMultipleArgumentsPerToken = true };
        var verify = new Option<bool>("--verify") { Description = "Check CHECKSUM/DATASUM and report every standard problem found while reading" };
        var columns = new Option<bool>("--columns") { Description = "List the columns (name, format, unit) of each table HDU, or of the one chosen with --hdu" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var cmd = new Command("info", "Describe FITS files: HDUs, headers, keywords, checksums") { files, header, hdu, keywords, verify, columns, json };
        cmd.SetAction(r => Run(r.GetValue(files)!, r.GetValue(header), r.GetValue(hdu), (r.GetValue(keywords) ?? []).SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(), r.GetValue(verify), r.GetValue(columns), r.GetValue(json)));
        return cmd;
    }

    private static int Run(string[] paths, bool showHeader, int? hduIndex, string[] keywords, bool verify, bool showColumns, bool json)
    {
        var failed = 0;
        var problems = 0;
        var keywordRows = new List<(string File, int Hdu, string?[] Values)>();
        var jsonFiles = new List<object>();
        var options = FitsReadOptions.Default with { Verify = VerifyMode.Warn };
        foreach (var path in paths)
        {
            try
            {
                using var fits = FitsFile.Open(path, options);
                if (keywords.Length > 0)
                {
                    var h = fits[hduIndex ?? 0].Header;
                    keywordRows.Add((path, hduIndex ?? 0, keywords.Select(k => h.FindCard(k) is { } c ? (c.IsCommentary ? c.Comment : c.ValueText) : null).ToArray()));
                    continue;
                }
                var hdus = fits.Hdus;
                var checks = verify ? hdus.Select(VerifyOrInvalid).ToList() : null;
                if (checks is not null) problems += checks.Count(c => c.Checksum == ChecksumStatus.Invalid || c.Datasum == ChecksumStatus.Invalid);
                if (verify) problems += fits.Warnings.Count;
                if (json)
                {
                    jsonFiles.Add(new
                    {
                        file = path,
                        bytes = fits.Length,
                        gzipped = fits.WasGzipped,
                        hdus = hdus.Select((h, i) => new
                        {
                            index = h.Index,
                            name = h.Name,
                            kind = h.Kind.ToString(),
                            compression = (h as ImageHdu)?.Compression?.AlgorithmName,
                            tiles = (h as ImageHdu)?.Compression?.TileAxes,
                            bitpix = (h as ImageHdu)?.Bitpix,
                            axes = (h as ImageHdu)?.Axes,
                            columnCount = (h as TableHdu)?.ColumnCount,
                            rows = (h as TableHdu)?.RowCount,
                            columns = showColumns && (hduIndex is null || hduIndex == h.Index) ? ColumnRows(h)?.Select(c => new { name = c.Name, format = c.Format, unit = c.Unit }) : null,
                            checksum = checks?[i].Checksum.ToString(),
                            datasum = checks?[i].Datasum.ToString(),
                            header = showHeader && (hduIndex is null || hduIndex == h.Index) ? h.Header.Cards.Select(CardText).ToArray() : null,
                        }),
                        warnings = fits.Warnings,
                    });
                    continue;
                }
                PrintFile(path, fits, checks);
                if (showColumns)
                {
                    foreach (var h in hdus.Where(h => hduIndex is null || h.Index == hduIndex))
                        if (ColumnRows(h) is { } rows) PrintColumns(path, h, rows);
                }
                if (showHeader)
                {
                    foreach (var h in hdus.Where(h => hduIndex is null || h.Index == hduIndex))
                    {
                        Console.WriteLine($"# HDU {h.Index} in {path}:");
                        foreach (var card in h.Header) foreach (var image in HeaderImages(card)) Console.WriteLine(image.TrimEnd());
                        Console.WriteLine();
                    }
                }
                foreach (var w in fits.Warnings) Console.WriteLine($"  warning: {w}");
            }
            catch (Exception e) when (CliErrors.Report(path, e))
            {
                failed++;
            }
        }
        if (keywordRows.Count > 0) PrintKeywordTable(keywords, keywordRows, json);
        if (json && jsonFiles.Count > 0) Console.WriteLine(JsonSerializer.Serialize(jsonFiles, new JsonSerializerOptions { WriteIndented = true }));
        if (failed == paths.Length) return ExitCodes.Failed;
        return failed > 0 || (verify && problems > 0) ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static ChecksumVerifier.Result VerifyOrInvalid(Hdu hdu)
    {
        // A truncated data unit cannot match its checksums; the truncation itself is in the file's warnings.
        try { return ChecksumVerifier.Verify(hdu); }
        catch (FitsFormatException) { return new ChecksumVerifier.Result(ChecksumStatus.Invalid, ChecksumStatus.Invalid, 0); }
    }

    private static string CardText(HeaderCard c) => string.Join("", HeaderImages(c)).TrimEnd();

    private static IEnumerable<string> HeaderImages(HeaderCard c) => c.OriginalImages ?? [c.ToString()];

    private static void PrintFile(string path, FitsFile fits, List<ChecksumVerifier.Result>? checks)
    {
        Console.WriteLine($"{path}  ({fits.Hdus.Count} HDU{(fits.Hdus.Count == 1 ? "" : "s")}, {fits.Length:N0} bytes{(fits.WasGzipped ? " after gunzip" : "")})");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("#");
        table.AddColumn("Name");
        table.AddColumn("Type");
        table.AddColumn("BITPIX");
        table.AddColumn("Dimensions");
        if (checks is not null) { table.AddColumn("CHECKSUM"); table.AddColumn("DATASUM"); }
        foreach (var h in fits.Hdus)
        {
            var (bitpix, dims) = h switch
            {
                ImageHdu img => (img.Bitpix.ToString(), img.Axes.Count == 0 ? "(no data)" : string.Join(" x ", img.Axes)),
                TableHdu t => ("8", $"{t.ColumnCount} cols x {t.RowCount} rows"),
                _ => (h.Header.GetInt64("BITPIX", 8).ToString(), $"{h.Header.GetInt64("NAXIS1", 0)} bytes x {h.Header.GetInt64("NAXIS2", 0)} rows"),
            };
            // A tile-compressed image is listed as the image it is, with its algorithm: "Image (RICE_1)".
            var kind = h is ImageHdu { Compression: { } c } ? $"Image ({c.AlgorithmName})" : h.Kind.ToString();
            var row = new List<string> { h.Index.ToString(), Markup.Escape(h.Name ?? (h.Index == 0 ? "PRIMARY" : "")), Markup.Escape(kind), bitpix, dims };
            if (checks is not null) { row.Add(checks[h.Index].Checksum.ToString()); row.Add(checks[h.Index].Datasum.ToString()); }
            table.AddRow(row.ToArray());
        }
        AnsiConsole.Write(table);
    }

    /// <summary>Name, format and unit of each column of a table HDU; null for other HDUs.</summary>
    private static List<(string Name, string Format, string? Unit)>? ColumnRows(Hdu hdu) => hdu switch
    {
        BinaryTableHdu b => [.. b.Columns.Select(c => (c.Name, c.Format.ToString(), c.Unit))],
        AsciiTableHdu a => [.. a.Columns.Select(c => (c.Name, c.Format.ToString(), c.Unit))],
        _ => null,
    };

    private static void PrintColumns(string path, Hdu hdu, List<(string Name, string Format, string? Unit)> columns)
    {
        Console.WriteLine($"# columns of HDU {hdu.Index}{(hdu.Name is { } n ? $" '{n}'" : "")} in {path}:");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("#");
        table.AddColumn("Name");
        table.AddColumn("Format");
        table.AddColumn("Unit");
        for (var i = 0; i < columns.Count; i++)
            table.AddRow((i + 1).ToString(), Markup.Escape(columns[i].Name), Markup.Escape(columns[i].Format), Markup.Escape(columns[i].Unit ?? ""));
        AnsiConsole.Write(table);
    }

    private static void PrintKeywordTable(string[] keywords, List<(string File, int Hdu, string?[] Values)> rows, bool json)
    {
        if (json)
        {
            var list = rows.Select(r => new Dictionary<string, string?>(keywords.Select((k, i) => KeyValuePair.Create(k, r.Values[i]))) { ["file"] = r.File });
            Console.WriteLine(JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("file");
        foreach (var k in keywords) table.AddColumn(Markup.Escape(k.ToUpperInvariant()));
        foreach (var r in rows) table.AddRow([Markup.Escape(r.File), .. r.Values.Select(v => Markup.Escape(v ?? "—"))]);
        AnsiConsole.Write(table);
    }
}
