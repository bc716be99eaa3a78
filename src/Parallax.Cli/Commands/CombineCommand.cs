using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Imaging.Combine;
using Parallax.Imaging.Io;
using Parallax.Imaging.Statistics;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax combine FILES -o OUT</c>: combine a stack of frames into one product (like IRAF
/// imcombine or ccdproc.combine), streaming in row bands under a memory budget and reading each
/// file once. The product holds SCI, VAR, DQ, NCOMBINE (frames used per pixel) and NREJECT
/// (values rejected per pixel), with the inputs and parameters recorded in the primary header.
/// </summary>
internal static partial class CombineCommand
{
    private static readonly Dictionary<string, CombineMethod> Methods = new()
    {
        ["mean"] = CombineMethod.Mean,
        ["median"] = CombineMethod.Median,
        ["sum"] = CombineMethod.Sum,
        ["wmean"] = CombineMethod.WeightedMean,
    };

    private static readonly Dictionary<string, RejectionMethod> Rejections = new()
    {
        ["none"] = RejectionMethod.None,
        ["sigclip"] = RejectionMethod.SigmaClip,
        ["minmax"] = RejectionMethod.MinMax,
        ["pclip"] = RejectionMethod.PercentileClip,
        ["winsor"] = RejectionMethod.WinsorizedSigmaClip,
    };

    private static readonly Dictionary<string, ScaleMethod> Scales = new()
    {
        ["none"] = ScaleMethod.None,
        ["median"] = ScaleMethod.Median,
        ["mode"] = ScaleMethod.Mode,
        ["exposure"] = ScaleMethod.Exposure,
    };

    [GeneratedRegex(@"^(WCSAXES|CTYPE\d|CRVAL\d|CRPIX\d|CDELT\d|CUNIT\d|CROTA\d|CD\d_\d|PC\d_\d|PV\d_\d+|RADESYS|RADECSYS|EQUINOX|EPOCH|LONPOLE|LATPOLE|MJDREF|(A|B|AP|BP)_\d_\d|(A|B|AP|BP)_ORDER|(A|B)_DMAX)$")]
    private static partial Regex WcsKeyword();

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FITS frames to combine, all of one size (raw frames, or products with SCI/VAR/DQ)", Arity = ArgumentArity.OneOrMore }.RejectUnknownOptions();
        var output = new Option<string>("--output", "-o") { Description = "Product to write (atomically): SCI, VAR, DQ, NCOMBINE, NREJECT", Required = true };
        var method = new Option<string>("--method") { Description = "How accepted values are combined", DefaultValueFactory = _ => "median" };
        method.AcceptOnlyFromAmong([.. Methods.Keys]);
        var reject = new Option<string>("--reject") { Description = "Outlier rejection: sigma clip, min/max, percentile clip, winsorized sigma clip", DefaultValueFactory = _ => "none" };
        reject.AcceptOnlyFromAmong([.. Rejections.Keys]);
        var sigmaLow = new Option<double>("--sigma-low") { Description = "Low rejection threshold in sigma", DefaultValueFactory = _ => 3 };
        var sigmaHigh = new Option<double>("--sigma-high") { Description = "High rejection threshold in sigma", DefaultValueFactory = _ => 3 };
        var maxIters = new Option<int>("--maxiters") { Description = "Most rejection iterations (1: a single pass, as ccdproc)", DefaultValueFactory = _ => 5 };
        var spread = new Option<string>("--spread") { Description = "Sigma of --reject sigclip: std (standard deviation) or mad (1.4826 x MAD)", DefaultValueFactory = _ => "std" };
        spread.AcceptOnlyFromAmong("std", "mad");
        var nlow = new Option<int>("--nlow") { Description = "Lowest values rejected per pixel by --reject minmax", DefaultValueFactory = _ => 1 };
        var nhigh = new Option<int>("--nhigh") { Description = "Highest values rejected per pixel by --reject minmax", DefaultValueFactory = _ => 1 };
        var scale = new Option<string>("--scale") { Description = "Multiply each frame to the mean level: by its median, mode or exposure time", DefaultValueFactory = _ => "none" };
        scale.AcceptOnlyFromAmong([.. Scales.Keys]);
        var offset = new Option<string>("--offset") { Description = "Add to each frame (after scaling) to bring its median to the mean level", DefaultValueFactory = _ => "none" };
        offset.AcceptOnlyFromAmong("none", "median");
        var variance = new Option<string>("--variance") { Description = "Output variance: propagated from VAR planes, from the scatter of the values, or auto (propagated when every input has VAR)", DefaultValueFactory = _ => "auto" };
        variance.AcceptOnlyFromAmong("auto", "propagated", "scatter");
        var memory = new Option<string>("--memory") { Description = "Memory budget for the result and the row bands, e.g. 512MB, 2GB (binary units); 0: no limit", DefaultValueFactory = _ => "512MB" };
        var cmd = new Command("combine", "Combine a stack of frames (mean, median, sum, weighted mean) with outlier rejection, streaming under a memory budget")
        {
            files, output, method, reject, sigmaLow, sigmaHigh, maxIters, spread, nlow, nhigh, scale, offset, variance, memory,
        };
        cmd.SetAction(r =>
        {
            var budget = ByteSize.TryParse(r.GetValue(memory)!);
            if (budget is null)
            {
                Console.Error.WriteLine($"parallax: --memory '{r.GetValue(memory)}' is not a size such as 512MB or 2GB");
                return ExitCodes.UsageError;
            }
            var parameters = new CombineParameters
            {
                Method = Methods[r.GetValue(method)!],
                Rejection = Rejections[r.GetValue(reject)!],
                SigmaLow = r.GetValue(sigmaLow),
                SigmaHigh = r.GetValue(sigmaHigh),
                MaxIterations = r.GetValue(maxIters),
                ClipSpread = r.GetValue(spread) == "mad" ? SpreadFunction.MadSigma : SpreadFunction.StandardDeviation,
                RejectLow = r.GetValue(nlow),
                RejectHigh = r.GetValue(nhigh),
                Scale = Scales[r.GetValue(scale)!],
                Offset = r.GetValue(offset) == "median" ? OffsetMethod.Median : OffsetMethod.None,
                Variance = r.GetValue(variance) switch { "propagated" => VarianceMode.Propagated, "scatter" => VarianceMode.Scatter, _ => VarianceMode.Auto },
                MemoryBudgetBytes = budget.Value,
            };
            try { parameters.Validate(); }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"parallax: {Plain(e)}");
                return ExitCodes.UsageError;
            }
            return Run(r.GetValue(files)!, r.GetValue(output)!, parameters, r.GetValue(reject)!, r.GetValue(method)!);
        });
        return cmd;
    }

    private static int Run(string[] paths, string output, CombineParameters parameters, string rejectName, string methodName)
    {
        var outFull = Path.GetFullPath(output);
        if (paths.Any(p => Path.GetFullPath(p) == outFull))
        {
            Console.Error.WriteLine($"parallax: {output}: refusing to overwrite an input file");
            return ExitCodes.UsageError;
        }
        var opened = new List<(string Path, FitsFile File, FitsFrameSource Source)>();
        var failed = 0;
        try
        {
            foreach (var path in paths)
            {
                FitsFile? file = null;
                try
                {
                    file = FitsFile.Open(path);
                    var source = new FitsFrameSource(file, path);
                    if (opened.Count > 0 && (source.Width != opened[0].Source.Width || source.Height != opened[0].Source.Height))
                        throw new FitsFormatException($"is {source.Width}×{source.Height} but {opened[0].Path} is {opened[0].Source.Width}×{opened[0].Source.Height}; skipped", path);
                    opened.Add((path, file, source));
                    file = null;
                }
                catch (Exception e) when (CliErrors.Report(path, e))
                {
                    failed++;
                }
                finally
                {
                    file?.Dispose();
                }
            }
            if (opened.Count == 0)
            {
                Console.Error.WriteLine("parallax: no frame could be read; nothing combined");
                return ExitCodes.Failed;
            }

            var clock = Stopwatch.StartNew();
            CombineResult result;
            try { result = StackCombiner.Combine([.. opened.Select(o => (IFrameSource)o.Source)], parameters); }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"parallax: combine: {Plain(e)}");
                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is FitsFormatException or IOException)
            {
                Console.Error.WriteLine($"parallax: {e.Message}");
                return ExitCodes.Failed;
            }
            var combineSeconds = clock.Elapsed.TotalSeconds;

            var first = opened[0];
            var image = result.Image;
            foreach (var card in first.Source.Science.Header)
                if (WcsKeyword().IsMatch(card.Keyword)) image.Header.Add(card);
            var primary = Provenance(first.File.Primary.Header, opened.Select(o => (o.Path, o.Source)).ToList(), parameters, result, rejectName, methodName);
            try
            {
                using var writer = FitsWriter.Create(output);
                MaskedImageFits.Write(writer, image, primary);
                MaskedImageFits.WriteMap(writer, "NCOMBINE", result.FramesUsed, image.Width, image.Height, "number of frames combined in each pixel");
                MaskedImageFits.WriteMap(writer, "NREJECT", result.Rejected, image.Width, image.Height, "number of values rejected in each pixel");
                writer.Commit();
            }
            catch (Exception e) when (CliErrors.Report(output, e))
            {
                return ExitCodes.Failed;
            }
            var values = (long)image.PixelCount * opened.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"combined {opened.Count} frames of {image.Width}x{image.Height} ({methodName}, reject {rejectName}): {result.RejectedTotal:N0} values rejected ({100.0 * result.RejectedTotal / Math.Max(1, values):0.###}%), " +
                $"{(result.BandRows >= image.Height ? "one band" : $"bands of {result.BandRows} rows")}, {combineSeconds:0.00} s -> {output}"));
            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
        finally
        {
            foreach (var o in opened) o.File.Dispose();
        }
    }

    /// <summary>The message without .NET's " (Parameter 'x')" suffix, which means nothing to a user.</summary>
    private static string Plain(ArgumentException e)
        => e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;

    /// <summary>The product's primary header: the first input's cards (observation context), then how the product was made.</summary>
    private static Header Provenance(Header firstPrimary, List<(string Path, FitsFrameSource Source)> inputs, CombineParameters p, CombineResult result, string rejectName, string methodName)
    {
        var h = firstPrimary.Clone();
        // Cards describing an earlier combination of the first input would be misleading here.
        foreach (var card in h.Cards.ToList())
            if (card.Keyword.StartsWith("IMCMB", StringComparison.Ordinal)) h.Remove(card.Keyword);
        var version = typeof(CombineCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        h.Set("PIPELINE", "Parallax", "software that made this product");
        h.Set("PLXVERS", version, "Parallax version");
        h.Set("DATE", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), "UTC date the product was written");
        h.Set("PRODTYPE", "COMBINED", "product type: a combined stack of frames");
        h.Set("PROCSTAT", "LEVEL_4", "processing level: combined");
        h.Set("NCOMBINE", (long)inputs.Count, "number of frames combined");
        h.Set("COMBMETH", methodName, "combination method");
        h.Set("COMBREJ", rejectName, "rejection method");
        if (p.Rejection is RejectionMethod.SigmaClip or RejectionMethod.PercentileClip or RejectionMethod.WinsorizedSigmaClip)
        {
            h.Set("REJSIGL", p.SigmaLow, "low rejection threshold [sigma]");
            h.Set("REJSIGH", p.SigmaHigh, "high rejection threshold [sigma]");
            h.Set("REJITER", (long)p.MaxIterations, "most rejection iterations");
        }
        if (p.Rejection == RejectionMethod.SigmaClip)
        {
            h.Set("REJCEN", p.ClipCentre.ToString().ToLowerInvariant(), "sigma clipping centre");
            h.Set("REJSPRD", p.ClipSpread == SpreadFunction.MadSigma ? "mad" : "std", "sigma clipping spread");
        }
        if (p.Rejection == RejectionMethod.MinMax)
        {
            h.Set("REJNLOW", (long)p.RejectLow, "lowest values rejected per pixel");
            h.Set("REJNHIGH", (long)p.RejectHigh, "highest values rejected per pixel");
        }
        h.Set("COMBSCAL", p.Scale.ToString().ToLowerInvariant(), "multiplicative scaling of the frames");
        h.Set("COMBOFFS", p.Offset.ToString().ToLowerInvariant(), "additive offset of the frames");
        h.Set("COMBVAR", result.VarianceUsed.ToString().ToLowerInvariant(), "source of the VAR plane");
        h.Set("COMBMASK", (long)(ushort)p.RejectMask, "input DQ bits that exclude a value");
        h.Set("NREJTOT", result.RejectedTotal, "values rejected over the image");
        for (var i = 0; i < inputs.Count && i < 999; i++)
        {
            var (path, source) = inputs[i];
            var datasum = source.Science.Header.GetString("DATASUM", null);
            h.Set($"IMCMB{i + 1:000}", Path.GetFileName(path), datasum is null ? "input frame" : $"input frame, DATASUM {datasum}");
        }
        if (inputs.Count > 999) h.AddComment($"{inputs.Count - 999} more input frames are not listed");
        if (p.Scale != ScaleMethod.None || p.Offset != OffsetMethod.None)
        {
            for (var i = 0; i < inputs.Count; i++)
                h.AddHistory(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(inputs[i].Path)}: scale {result.Scales[i]:0.######} offset {result.Offsets[i]:0.###}"));
        }
        return h;
    }
}
