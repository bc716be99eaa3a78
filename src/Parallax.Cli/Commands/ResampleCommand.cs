using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Imaging;
using Parallax.Imaging.Io;
using Parallax.Imaging.Resampling;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax resample FILES -o OUTDIR</c>: puts every frame onto one common sky grid (like SWarp with
/// RESAMPLE Y, COMBINE N): the grid of a reference image (<c>--onto</c>), or a north-up TAN grid covering all the
/// frames at a given or the median pixel scale. Each frame becomes OUTDIR/NAME.resamp.fits with SCI, VAR, DQ and
/// WEIGHT (the coverage, 0..1), all on the full common grid, with its WCS in SCI.
/// </summary>
internal static partial class ResampleCommand
{
    [GeneratedRegex(@"^(WCSAXES|WCSNAME|CTYPE\d|CRVAL\d|CRPIX\d|CDELT\d|CUNIT\d|CROTA\d|CD\d_\d|PC\d_\d|PV\d_\d+|RADESYS|RADECSYS|EQUINOX|EPOCH|LONPOLE|LATPOLE|(A|B|AP|BP)_\d_\d|(A|B|AP|BP)_ORDER|(A|B)_DMAX)$")]
    private static partial Regex WcsKeyword();

    private static readonly Dictionary<string, InterpolationKernel> Kernels = new()
    {
        ["lanczos3"] = InterpolationKernel.Lanczos3,
        ["bicubic"] = InterpolationKernel.Bicubic,
        ["bilinear"] = InterpolationKernel.Bilinear,
        ["nearest"] = InterpolationKernel.Nearest,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FITS frames with a celestial WCS (raw frames, or products with SCI/VAR/DQ)", Arity = ArgumentArity.OneOrMore }.RejectUnknownOptions();
        var output = new Option<string>("--output", "-o") { Description = "Folder for the resampled frames (NAME.resamp.fits), created when missing", Required = true };
        var onto = new Option<string?>("--onto") { Description = "Resample onto this image's grid (its size and WCS) instead of a grid covering all frames" };
        var scale = new Option<double?>("--pixel-scale") { Description = "Pixel size of the common grid, arcsec (default: the median of the frames')" };
        var kernel = new Option<string>("--kernel") { Description = "Interpolation kernel", DefaultValueFactory = _ => "lanczos3" };
        kernel.AcceptOnlyFromAmong([.. Kernels.Keys]);
        var flux = new Option<bool>("--flux-conserve") { Description = "Multiply by the output/input pixel-area ratio so sums over sources are kept (default: surface brightness)" };
        var reject = new Option<bool>("--reject-bad") { Description = "Drop output pixels whose kernel touches a bad, masked or off-image pixel (default: leave those out and renormalise)" };
        var cmd = new Command("resample", "Resample frames onto one common sky grid (TAN, north up), carrying variance, mask and a coverage map")
        {
            files, output, onto, scale, kernel, flux, reject,
        };
        cmd.SetAction(r =>
        {
            var ontoPath = r.GetValue(onto);
            var arcsec = r.GetValue(scale);
            if (ontoPath is not null && arcsec is not null)
            {
                Console.Error.WriteLine("parallax: give either --onto REF.fits or --pixel-scale ARCSEC, not both");
                return ExitCodes.UsageError;
            }
            if (arcsec is { } a && !(a > 0 && double.IsFinite(a)))
            {
                Console.Error.WriteLine($"parallax: --pixel-scale must be a positive number of arcsec, not {a.ToString(CultureInfo.InvariantCulture)}");
                return ExitCodes.UsageError;
            }
            var parameters = new ResampleParameters
            {
                Kernel = Kernels[r.GetValue(kernel)!],
                FluxConserving = r.GetValue(flux),
                BadPixels = r.GetValue(reject) ? BadPixelPolicy.Reject : BadPixelPolicy.Renormalise,
            };
            return Run(r.GetValue(files)!, r.GetValue(output)!, ontoPath, arcsec / 3600.0, parameters, r.GetValue(kernel)!);
        });
        return cmd;
    }

    private static int Run(string[] paths, string outDir, string? ontoPath, double? scaleDegrees, ResampleParameters parameters, string kernelName)
    {
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parallax: {outDir}: cannot create the output folder: {e.Message}");
            return ExitCodes.Failed;
        }
        var failed = 0;
        // Frames whose header gives a size and a WCS; the others are reported once and skipped.
        var frames = new List<(string Path, TargetGrid Footprint)>();
        foreach (var path in paths)
        {
            try { frames.Add((path, Footprint(path))); }
            catch (Exception e) when (CliErrors.Report(path, e)) { failed++; }
        }
        if (frames.Count == 0)
        {
            Console.Error.WriteLine("parallax: no frame with a readable WCS; nothing resampled");
            return ExitCodes.Failed;
        }

        TargetGrid grid;
        try
        {
            grid = ontoPath is not null ? Footprint(ontoPath) : CommonGrid.Covering([.. frames.Select(f => f.Footprint)], scaleDegrees);
        }
        catch (Exception e) when (ontoPath is not null && CliErrors.Report(ontoPath, e))
        {
            return ExitCodes.Failed;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"parallax: cannot build a common grid: {e.Message}");
            return ExitCodes.Failed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grid {grid.Width}x{grid.Height} at {grid.Wcs.PixelScale * 3600:0.####}\"/px centred on RA {grid.Wcs.ReferenceCoordinate.Longitude:0.######} Dec {grid.Wcs.ReferenceCoordinate.Latitude:0.######}{(ontoPath is null ? "" : $" (from {ontoPath})")}"));

        var clock = Stopwatch.StartNew();
        var done = 0;
        // Two sets of output buffers, used in turn: frame k is written in the background while frame k + 1 is
        // read and resampled, so the disk and the cores work at once; memory stays at two output frames.
        var slots = new Slot[2];
        for (var i = 0; i < slots.Length; i++) slots[i] = new Slot(new MaskedImage(grid.Width, grid.Height) { Wcs = grid.Wcs }, new float[grid.Width * grid.Height]);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        var turn = 0;
        void Finish(Slot slot)
        {
            if (slot.Writing is not { } writing) return;
            slot.Writing = null;
            try
            {
                Console.WriteLine(writing.GetAwaiter().GetResult());
                done++;
            }
            catch (Exception e) when (CliErrors.Report(slot.Target, e))
            {
                failed++;
            }
        }
        foreach (var (path, _) in frames)
        {
            var target = Path.Combine(outDir, OutputName(path));
            if (Path.GetFullPath(target) == Path.GetFullPath(path) || !outputs.Add(Path.GetFullPath(target)))
            {
                Console.Error.WriteLine($"parallax: {path}: its output {target} would overwrite an input or another output; skipped");
                failed++;
                continue;
            }
            var slot = slots[turn++ % slots.Length];
            Finish(slot); // its previous frame must be on disk before the buffers are reused
            try
            {
                MaskedImage input;
                Header primary;
                using (var file = FitsFile.Open(path))
                {
                    input = MaskedImageFits.Read(file);
                    primary = file.Primary.Header.Clone();
                }
                var result = Resampler.ResampleInto(input, slot.Image, slot.Coverage, parameters);
                var header = Provenance(primary, path, parameters, kernelName, result);
                slot.Target = target;
                slot.Writing = Task.Run(() => WriteProduct(path, target, result, header));
            }
            catch (Exception e) when (CliErrors.Report(path, e))
            {
                failed++;
            }
            // The input just resampled is garbage now; collecting here keeps the peak near the buffers in use
            // (the runtime would otherwise let several 16 MB input sets pile up first).
            GC.Collect();
        }
        // The older of the two pending writes first, so the lines come out in input order.
        for (var i = 0; i < slots.Length; i++) Finish(slots[(turn + i) % slots.Length]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resampled {done} of {paths.Length} frames ({kernelName}{(parameters.FluxConserving ? ", flux-conserving" : "")}) in {clock.Elapsed.TotalSeconds:0.00} s -> {outDir}"));
        if (done == 0) return ExitCodes.Failed;
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>Output buffers for one frame and the background write of the last frame put in them.</summary>
    private sealed class Slot(MaskedImage image, float[] coverage)
    {
        public MaskedImage Image { get; } = image;
        public float[] Coverage { get; } = coverage;
        public string Target { get; set; } = "";
        public Task<string>? Writing { get; set; }
    }

    /// <summary>Writes one product (atomically, through FitsWriter) and returns the line that reports it.</summary>
    private static string WriteProduct(string input, string target, ResampleResult result, Header primary)
    {
        using (var writer = FitsWriter.Create(target))
        {
            MaskedImageFits.Write(writer, result.Image, primary);
            writer.WriteImage(result.Coverage, [result.Image.Width, result.Image.Height],
                MaskedImageFits.ExtensionHeader("WEIGHT", "coverage: fraction of the kernel weight on usable input pixels", null));
            writer.Commit();
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{input} -> {target} ({100.0 * (result.Image.PixelCount - result.DroppedPixels) / result.Image.PixelCount:0.#}% covered, mapping step {result.MappingStep} px, error {result.MappingError:0.#####} px)");
    }

    /// <summary>NAME.resamp.fits for NAME.fits (or NAME.fits.fz, NAME.fit).</summary>
    private static string OutputName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var ext in new[] { ".fits.fz", ".fits.gz", ".fits", ".fit", ".fts" })
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return name[..^ext.Length] + ".resamp.fits";
        return name + ".resamp.fits";
    }

    /// <summary>The size and WCS of a file's data HDU (SCI, else the first image with pixels), from its header only.</summary>
    private static TargetGrid Footprint(string path)
    {
        using var file = FitsFile.Open(path);
        var hdu = file.Find(MaskedImageFits.ScienceExtension) as ImageHdu is { HasData: true } sci ? sci : file.FirstImageWithData();
        if (hdu is null) throw new FitsFormatException("has no image with pixels", path);
        if (hdu.Axes.Count < 2 || hdu.Planes != 1) throw FitsFormatException.At(hdu.Location, $"image is {string.Join('×', hdu.Axes)}; a 2-D image is needed");
        if (!hdu.Header.Contains("CTYPE1") || !hdu.Header.Contains("CTYPE2"))
            throw FitsFormatException.At(hdu.Location, "has no celestial WCS (CTYPE1/CTYPE2 missing): cannot place it on the sky");
        return new TargetGrid(hdu.Width, hdu.Height, Wcs.FromHeader(hdu.Header));
    }

    private static Header Provenance(Header primary, string input, ResampleParameters p, string kernelName, ResampleResult result)
    {
        // A raw frame's primary HDU holds its pixels and WCS; in the product the primary HDU is empty and the
        // WCS of the common grid lives in SCI, so the input's WCS cards must not stay here.
        var h = new Header(primary.Cards.Where(c => !WcsKeyword().IsMatch(c.Keyword)));
        var version = typeof(ResampleCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        h.Set("PIPELINE", "Parallax", "software that made this product");
        h.Set("PLXVERS", version, "Parallax version");
        h.Set("DATE", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), "UTC date the product was written");
        h.Set("PRODTYPE", "RESAMPLED", "product type: a frame on a common sky grid");
        h.Set("RSMPIN", Path.GetFileName(input), "input frame");
        h.Set("RSMPKERN", kernelName, "interpolation kernel");
        h.Set("RSMPFLUX", p.FluxConserving, "T: flux conserving; F: surface brightness");
        h.Set("RSMPBAD", p.BadPixels == BadPixelPolicy.Reject ? "reject" : "renormalise", "bad pixels in a kernel support");
        h.Set("RSMPSTEP", (long)result.MappingStep, "[px] node spacing of the gridded pixel mapping");
        h.Set("RSMPMERR", result.MappingError, "[px] largest mapping error measured");
        return h;
    }
}
