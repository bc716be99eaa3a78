using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Builds a product's primary header: the first input's observation keywords (so the product
/// still says which instrument, filter, exposure and date it belongs to), then the provenance
/// block — pipeline and version, recipe and version, PRODCATG/PRODTYPE/PROCSTAT, processing DATE,
/// the task hash, every parameter with its value and source, every input and calibration with its
/// SHA-256, and the QC values and verdict. Earlier provenance carried by an input product is dropped.
/// </summary>
internal static partial class ProvenanceHeader
{
    /// <summary>The comment line that opens the provenance block.</summary>
    public const string Marker = "---- Parallax provenance ----";

    /// <summary>The HIERARCH prefix of parameter and QC cards.</summary>
    public const string Prefix = "PARALLAX";

    private static readonly HashSet<string> Dropped =
    [
        "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "BSCALE", "BZERO", "BLANK", "CHECKSUM", "DATASUM", "EXTNAME", "EXTVER", "LONGSTRN",
        "PIPELINE", "PIPEVERS", "RECIPE", "RECIPVER", "PRODCATG", "PRODTYPE", "PROCSTAT", "DATE", "TASKID", "TASKHASH", "NPARAMS", "NINPUTS", "NCALIBS", "QCSTATUS", "QUALITY",
    ];

    /// <summary>What the block records.</summary>
    public sealed record Content
    {
        public required Header Observation { get; init; }

        public required IRecipe Recipe { get; init; }

        public required OutputConnection Output { get; init; }

        public required string TaskId { get; init; }

        public required string Hash { get; init; }

        public string? Instrument { get; init; }

        public required ResolvedParameters Parameters { get; init; }

        public required IReadOnlyList<(string Name, string Category, string Sha256)> Inputs { get; init; }

        public required IReadOnlyList<(string Name, string Category, string Sha256)> Calibrations { get; init; }

        public required IReadOnlyDictionary<string, double> Qc { get; init; }

        public required IReadOnlyList<string> QcFailures { get; init; }

        public IReadOnlyList<string> History { get; init; } = [];

        public DateTimeOffset Processed { get; init; } = DateTimeOffset.UtcNow;
    }

    /// <summary>The primary header of a product.</summary>
    public static Header Build(Content c)
    {
        var h = new Header();
        foreach (var card in c.Observation)
        {
            if (card.IsCommentary && card.Comment == Marker) break;
            if (card.IsHierarch ? card.Keyword.StartsWith(Prefix + " ", StringComparison.Ordinal) : Dropped.Contains(card.Keyword) || Indexed().IsMatch(card.Keyword) || PixelWcs().IsMatch(card.Keyword)) continue;
            h.Add(card);
        }
        h.AddComment(Marker);
        h.Add(HeaderCard.Create("PIPELINE", PipelineInfo.Name, "pipeline that made this product"));
        h.Add(HeaderCard.Create("PIPEVERS", PipelineInfo.Version, "pipeline version"));
        h.Add(HeaderCard.Create("RECIPE", c.Recipe.Name, "recipe that made this product"));
        h.Add(HeaderCard.Create("RECIPVER", c.Recipe.Version, "recipe algorithm version"));
        h.Add(HeaderCard.Create("PRODCATG", c.Output.Category, "product category"));
        h.Add(HeaderCard.Create("PRODTYPE", c.Output.ProductType, "product type"));
        h.Add(HeaderCard.Create("PROCSTAT", $"LEVEL_{(int)c.Output.Level}", "processing level"));
        h.Add(HeaderCard.Create("DATE", c.Processed.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), "UTC date the product was made"));
        h.Add(HeaderCard.Create("TASKID", c.TaskId, "cascade task"));
        h.Add(HeaderCard.Create("TASKHASH", c.Hash, "SHA-256 of inputs, parameters, versions"));
        if (c.Instrument is not null) Hierarch(h, $"{Prefix} INSTRUMENT", c.Instrument, "instrument definition used");

        h.Add(HeaderCard.Create("NPARAMS", c.Parameters.Entries.Count, "number of recipe parameters"));
        foreach (var p in c.Parameters.Entries)
        {
            var key = $"{Prefix} PARAM {p.Descriptor.Name.ToUpperInvariant()}";
            var value = p.Value switch
            {
                double or int or bool => p.Value,
                _ => p.Text,
            };
            Hierarch(h, key, value, p.Descriptor.Unit is { } u ? $"[{u}] {p.Descriptor.Doc}" : p.Descriptor.Doc);
            Hierarch(h, key + " SOURCE", p.SourceName, p.Origin);
        }

        h.Add(HeaderCard.Create("NINPUTS", c.Inputs.Count, "number of input frames"));
        for (var i = 0; i < c.Inputs.Count && i < 999; i++)
        {
            h.Add(HeaderCard.Create($"INPUT{i + 1}", c.Inputs[i].Name, "input frame"));
            h.Add(HeaderCard.Create($"INCAT{i + 1}", c.Inputs[i].Category, "input category"));
            h.Add(HeaderCard.Create($"INSHA{i + 1}", c.Inputs[i].Sha256, "SHA-256 of the input file"));
        }
        h.Add(HeaderCard.Create("NCALIBS", c.Calibrations.Count, "number of calibrations used"));
        for (var i = 0; i < c.Calibrations.Count && i < 999; i++)
        {
            h.Add(HeaderCard.Create($"CALIB{i + 1}", c.Calibrations[i].Name, "calibration file"));
            h.Add(HeaderCard.Create($"CALCAT{i + 1}", c.Calibrations[i].Category, "calibration category"));
            h.Add(HeaderCard.Create($"CALSHA{i + 1}", c.Calibrations[i].Sha256, "SHA-256 of the calibration file"));
        }

        h.Add(HeaderCard.Create("QCSTATUS", c.QcFailures.Count == 0 ? "PASS" : "FAIL", "QC verdict against the instrument file"));
        h.Add(HeaderCard.Create("QUALITY", c.QcFailures.Count == 0 ? "provisional" : "bad", "calibration quality"));
        foreach (var (name, value) in c.Qc)
        {
            if (double.IsFinite(value)) Hierarch(h, $"{Prefix} QC {name.ToUpperInvariant()}", value, c.Output.Qc.GetValueOrDefault(name));
        }
        for (var i = 0; i < c.QcFailures.Count; i++) h.Add(HeaderCard.Create($"QCFAIL{i + 1}", c.QcFailures[i], "QC value out of range"));
        foreach (var line in c.History) h.AddHistory(line);
        return h;
    }

    /// <summary>Adds a HIERARCH card, shortening a text value that would not fit in one 80-character card.</summary>
    private static void Hierarch(Header h, string key, object? value, string? comment)
    {
        if (value is string s)
        {
            var room = 80 - ("HIERARCH " + key + " = ''").Length;
            if (s.Replace("'", "''").Length > room) s = s[..Math.Max(0, room - 3)] + "...";
            value = s;
        }
        h.Add(HeaderCard.Create("HIERARCH " + key, value, comment));
    }

    [GeneratedRegex(@"^(INPUT|INCAT|INSHA|CALIB|CALCAT|CALSHA|QCFAIL)\d+$")]
    private static partial Regex Indexed();

    // WCS keywords indexed by pixel axis belong to the image they describe (SCI); in a primary HDU
    // without data they refer to axes that do not exist (fitsverify warns), so they are left there.
    [GeneratedRegex(@"^(WCSAXES|CTYPE\d|CUNIT\d|CRPIX\d|CRVAL\d|CDELT\d|CROTA\d|CD\d_\d|PC\d_\d|PV\d_\d+|PS\d_\d+|[AB]P?_\d+_\d+|[AB]P?_ORDER|[AB]_DMAX)$")]
    private static partial Regex PixelWcs();
}
