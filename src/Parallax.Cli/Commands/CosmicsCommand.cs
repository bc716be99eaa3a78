using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Imaging;
using Parallax.Imaging.Cosmics;
using Parallax.Imaging.Io;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax cosmics FILE -o OUT</c>: L.A.Cosmic cosmic-ray detection and cleaning on one frame
/// (like astroscrappy.detect_cosmics). The product holds the cleaned SCI, VAR and DQ (cosmic-ray
/// pixels carry the CosmicRay bit, replaced ones also Interpolated), with the settings and the
/// number of flagged pixels in the primary header.
/// </summary>
internal static class CosmicsCommand
{
    private static readonly Dictionary<string, CleanType> CleanTypes = new()
    {
        ["meanmask"] = CleanType.MeanMask,
        ["medmask"] = CleanType.MedMask,
        ["median"] = CleanType.Median,
        ["idw"] = CleanType.Idw,
    };

    private static readonly Dictionary<string, PsfModel> PsfModels = new()
    {
        ["gauss"] = PsfModel.Gauss,
        ["gaussx"] = PsfModel.GaussX,
        ["gaussy"] = PsfModel.GaussY,
        ["moffat"] = PsfModel.Moffat,
    };

    public static Command Create()
    {
        var defaults = new CosmicRayParameters();
        var file = new Argument<string>("file") { Description = "FITS frame with sky (a raw frame, or a product with SCI/VAR/DQ)" };
        var output = new Option<string>("--output", "-o") { Description = "Product to write (atomically): cleaned SCI, VAR, DQ with the CosmicRay bit", Required = true };
        var hdu = new Option<string?>("--hdu") { Description = "Image HDU to clean: index (0 = primary) or EXTNAME; default SCI, else the first image with pixels" };
        var sigclip = new Option<double>("--sigclip") { Description = "Laplacian-to-noise limit for a cosmic-ray pixel", DefaultValueFactory = _ => defaults.SigClip };
        var sigfrac = new Option<double>("--sigfrac") { Description = "Fraction of sigclip used for neighbouring pixels", DefaultValueFactory = _ => defaults.SigFrac };
        var objlim = new Option<double>("--objlim") { Description = "Contrast limit between the Laplacian and the fine-structure image (raise it if star cores are flagged)", DefaultValueFactory = _ => defaults.ObjLim };
        var gain = new Option<double?>("--gain") { Description = "Gain in electrons per data unit; default: 1 when BUNIT is electrons, else the GAIN card, else 1" };
        var readnoise = new Option<double?>("--readnoise") { Description = "Read noise in electrons; default: the RDNOISE or READNOIS card, else 6.5" };
        var satlevel = new Option<double>("--satlevel")
        {
            Description = "Saturation level in electrons (data x gain); saturated stars are masked; inf: none",
            DefaultValueFactory = _ => defaults.SatLevel,
            CustomParser = ParseLevel,
        };
        var niter = new Option<int>("--niter") { Description = "Most detect-and-clean iterations", DefaultValueFactory = _ => defaults.Iterations };
        var cleantype = new Option<string>("--cleantype") { Description = "Replacement of flagged pixels: 5x5 masked mean, masked median, unmasked median or inverse-distance mean", DefaultValueFactory = _ => "meanmask" };
        cleantype.AcceptOnlyFromAmong([.. CleanTypes.Keys]);
        var fullMedian = new Option<bool>("--no-sepmed") { Description = "Use the full square median filters instead of the faster separable ones" };
        var fsmode = new Option<string>("--fsmode") { Description = "Fine-structure image: median (3x3 less 7x7) or convolve (with the PSF kernel)", DefaultValueFactory = _ => "median" };
        fsmode.AcceptOnlyFromAmong("median", "convolve");
        var psfmodel = new Option<string>("--psfmodel") { Description = "PSF kernel for --fsmode convolve", DefaultValueFactory = _ => "gauss" };
        psfmodel.AcceptOnlyFromAmong([.. PsfModels.Keys]);
        var psffwhm = new Option<double>("--psffwhm") { Description = "PSF FWHM in pixels for --fsmode convolve", DefaultValueFactory = _ => defaults.PsfFwhm };
        var cmd = new Command("cosmics", "Detect and clean cosmic rays on a single frame (L.A.Cosmic, as astroscrappy)")
        {
            file, output, hdu, sigclip, sigfrac, objlim, gain, readnoise, satlevel, niter, cleantype, fullMedian, fsmode, psfmodel, psffwhm,
        };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            var outPath = r.GetValue(output)!;
            if (Path.GetFullPath(path) == Path.GetFullPath(outPath))
            {
                Console.Error.WriteLine($"parallax: {outPath}: refusing to overwrite the input file");
                return ExitCodes.UsageError;
            }
            var parameters = new CosmicRayParameters
            {
                SigClip = r.GetValue(sigclip),
                SigFrac = r.GetValue(sigfrac),
                ObjLim = r.GetValue(objlim),
                SatLevel = r.GetValue(satlevel),
                Iterations = r.GetValue(niter),
                SeparableMedian = !r.GetValue(fullMedian),
                CleanType = CleanTypes[r.GetValue(cleantype)!],
                FineStructure = r.GetValue(fsmode) == "convolve" ? FineStructureMode.Convolve : FineStructureMode.Median,
                PsfModel = PsfModels[r.GetValue(psfmodel)!],
                PsfFwhm = r.GetValue(psffwhm),
            };
            return Run(path, outPath, r.GetValue(hdu), parameters, r.GetValue(gain), r.GetValue(readnoise));
        });
        return cmd;
    }

    private static int Run(string path, string outPath, string? hduName, CosmicRayParameters parameters, double? gain, double? readNoise)
    {
        MaskedImage image;
        Header primary;
        try
        {
            using var fits = FitsFile.Open(path);
            image = hduName is null ? MaskedImageFits.Read(fits) : ReadHdu(fits, path, hduName);
            primary = fits.Primary.Header.Clone();
        }
        catch (Exception e) when (CliErrors.Report(path, e))
        {
            return ExitCodes.Failed;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"parallax: {path}: {e.Message}");
            return ExitCodes.UsageError;
        }
        parameters = parameters with
        {
            Gain = gain ?? DefaultGain(image.Header, primary, image.Unit),
            ReadNoise = readNoise ?? FirstCard(image.Header, primary, "RDNOISE", "READNOIS") ?? 6.5,
        };
        try { parameters.Validate(); }
        catch (ArgumentException e)
        {
            var option = "--" + e.ParamName?.ToLowerInvariant().Replace("iterations", "niter", StringComparison.Ordinal);
            Console.Error.WriteLine($"parallax: {option}: {Plain(e)}");
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var result = CosmicRayDetector.Detect(image, parameters);
        var seconds = clock.Elapsed.TotalSeconds;
        try
        {
            using var writer = FitsWriter.Create(outPath);
            MaskedImageFits.Write(writer, result.Cleaned, Provenance(primary, path, parameters, result));
            writer.Commit();
        }
        catch (Exception e) when (CliErrors.Report(outPath, e))
        {
            return ExitCodes.Failed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.FlaggedPixels} pixels flagged as cosmic rays ({100.0 * result.FlaggedPixels / Math.Max(1, image.PixelCount):0.###}% of {image.Width}x{image.Height}; per iteration {string.Join(", ", result.FlaggedPerIteration)}; " +
            $"gain {parameters.Gain:0.###} e-/{image.Unit}, read noise {parameters.ReadNoise:0.##} e-), {seconds:0.00} s -> {outPath}"));
        return ExitCodes.Success;
    }

    /// <summary>The named or numbered HDU as a masked image (no VAR or DQ: those belong to SCI).</summary>
    private static MaskedImage ReadHdu(FitsFile fits, string path, string hduName)
    {
        Hdu? hdu = int.TryParse(hduName, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index < fits.Count ? fits[index] : throw new FitsFormatException($"has no HDU {index} (it has {fits.Count})", path)
            : fits.Find(hduName) ?? throw new FitsFormatException($"has no HDU with EXTNAME '{hduName}'", path);
        if (hdu is not ImageHdu { HasData: true } img) throw new FitsFormatException($"HDU {hduName} is not an image with pixels", path);
        if (img.Axes.Count < 2 || img.Planes != 1) throw new FitsFormatException($"HDU {hduName} is {string.Join('x', img.Axes)}; a 2-D image is needed", path);
        if (hduName.Equals(MaskedImageFits.ScienceExtension, StringComparison.OrdinalIgnoreCase)) return MaskedImageFits.Read(fits);
        return new MaskedImage(img.Width, img.Height, img.ReadFloat32(), header: img.Header.Clone(), unit: img.Header.GetString("BUNIT", null)?.Trim() ?? PixelUnits.Adu);
    }

    /// <summary>A number, or inf/infinity/none for no saturation level.</summary>
    private static double ParseLevel(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (text.ToLowerInvariant() is "inf" or "infinity" or "none") return double.PositiveInfinity;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
        result.AddError($"--satlevel '{text}' is not a number (or inf)");
        return 0;
    }

    private static double DefaultGain(Header image, Header primary, string unit)
        => unit.StartsWith("electron", StringComparison.OrdinalIgnoreCase) ? 1.0 : FirstCard(image, primary, "GAIN") ?? 1.0;

    private static double? FirstCard(Header image, Header primary, params string[] keywords)
    {
        foreach (var k in keywords)
        {
            if (image.TryGetDouble(k, out var v) && v > 0) return v;
            if (primary.TryGetDouble(k, out v) && v > 0) return v;
        }
        return null;
    }

    private static string Plain(ArgumentException e)
        => e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;

    /// <summary>The input's primary cards, then how the product was made.</summary>
    private static Header Provenance(Header primary, string input, CosmicRayParameters p, CosmicRayResult result)
    {
        var h = primary;
        var version = typeof(CosmicsCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        h.Set("PIPELINE", "Parallax", "software that made this product");
        h.Set("PLXVERS", version, "Parallax version");
        h.Set("DATE", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), "UTC date the product was written");
        h.Set("PRODTYPE", "CRCLEANED", "product type: frame cleaned of cosmic rays");
        h.Set("CRINPUT", Path.GetFileName(input), "input frame");
        h.Set("CRMETHOD", "L.A.Cosmic", "cosmic-ray detection (van Dokkum 2001)");
        h.Set("CRSIGCLP", p.SigClip, "Laplacian-to-noise limit");
        h.Set("CRSIGFRC", p.SigFrac, "fraction of the limit for neighbours");
        h.Set("CROBJLIM", p.ObjLim, "contrast limit against fine structure");
        h.Set("CRGAIN", p.Gain, "gain used [e-/data unit]");
        h.Set("CRRDNOIS", p.ReadNoise, "read noise used [e-]");
        h.Set("CRSATLEV", double.IsFinite(p.SatLevel) ? p.SatLevel : -1.0, "saturation level [e-]; -1: none");
        h.Set("CRNITER", (long)p.Iterations, "most iterations");
        h.Set("CRSEPMED", p.SeparableMedian, "separable median filters");
        h.Set("CRCLEAN", p.CleanType.ToString().ToLowerInvariant(), "replacement of flagged pixels");
        h.Set("CRFSMODE", p.FineStructure.ToString().ToLowerInvariant(), "fine-structure image");
        h.Set("NCRPIX", (long)result.FlaggedPixels, "pixels flagged as cosmic rays");
        return h;
    }
}
