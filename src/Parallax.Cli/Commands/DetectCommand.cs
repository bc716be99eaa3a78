using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Imaging;
using Parallax.Imaging.Background;
using Parallax.Imaging.Io;
using Parallax.Imaging.Photometry;
using Parallax.Imaging.Sources;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax detect FILE -o CAT.fits</c>: background, source detection and aperture photometry
/// of one image (like SExtractor or sep), writing a FITS catalog (a <c>CAT</c> binary table) and a
/// one-line summary.
/// </summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "FITS image: a product with SCI/VAR/DQ, or a raw frame (first image with pixels)" };
        var output = new Option<string>("--output", "-o") { Description = "Catalog to write (atomically): a FITS binary table CAT", Required = true };
        var hdu = new Option<int?>("--hdu") { Description = "Measure this HDU (0 = primary) instead of SCI / the first image with pixels" };
        var threshold = new Option<double>("--threshold") { Description = "Detection threshold in background RMS (filtered image)", DefaultValueFactory = _ => 1.5 };
        var minArea = new Option<int>("--min-area") { Description = "Fewest connected pixels of a source", DefaultValueFactory = _ => 5 };
        var aperture = new Option<double>("--aperture") { Description = "Aperture radius in pixels", DefaultValueFactory = _ => 5 };
        var annulus = new Option<string?>("--annulus") { Description = "Local sky annulus inner,outer radii in pixels, e.g. 8,12 (default: none, the background map only)" };
        var box = new Option<int>("--box") { Description = "Background box size in pixels", DefaultValueFactory = _ => 64 };
        var filterSize = new Option<int>("--filter-size") { Description = "Background median filter size in boxes (odd)", DefaultValueFactory = _ => 3 };
        var nthresh = new Option<int>("--deblend-nthresh") { Description = "Deblending levels (1: no deblending)", DefaultValueFactory = _ => 32 };
        var mincont = new Option<double>("--deblend-mincont") { Description = "Deblending minimum contrast", DefaultValueFactory = _ => 0.005 };
        var noFilter = new Option<bool>("--no-filter") { Description = "Detect on the unfiltered image (no 3x3 matched filter)" };
        var timingsOption = new Option<bool>("--timings") { Description = "Also print the seconds spent reading, on the background, detection, photometry and writing" };
        var cmd = new Command("detect", "Find and measure sources: background mesh, matched filter, threshold, deblending, windowed centroids, aperture photometry")
        {
            file, output, hdu, threshold, minArea, aperture, annulus, box, filterSize, nthresh, mincont, noFilter, timingsOption,
        };
        cmd.SetAction(r =>
        {
            double? inner = null, outer = null;
            if (r.GetValue(annulus) is { } text)
            {
                var parts = text.Split(',');
                if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
                {
                    Console.Error.WriteLine($"parallax: --annulus '{text}' is not two radii such as 8,12");
                    return ExitCodes.UsageError;
                }
                (inner, outer) = (a, b);
            }
            var bp = new BackgroundParameters { BoxWidth = r.GetValue(box), BoxHeight = r.GetValue(box), FilterWidth = r.GetValue(filterSize), FilterHeight = r.GetValue(filterSize) };
            var dp = new DetectionParameters
            {
                Threshold = r.GetValue(threshold),
                MinArea = r.GetValue(minArea),
                DeblendThresholds = r.GetValue(nthresh),
                DeblendMinContrast = r.GetValue(mincont),
                Kernel = r.GetValue(noFilter) ? null : ConvolutionKernel.Default,
            };
            var ap = new ApertureParameters { Radius = r.GetValue(aperture), AnnulusInner = inner, AnnulusOuter = outer };
            try
            {
                bp.Validate();
                dp.Validate();
                ap.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"parallax: {(e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message)}");
                return ExitCodes.UsageError;
            }
            return Run(r.GetValue(file)!, r.GetValue(output)!, r.GetValue(hdu), bp, dp, ap, r.GetValue(annulus), r.GetValue(timingsOption));
        });
        return cmd;
    }

    private static int Run(string path, string output, int? hduIndex, BackgroundParameters bp, DetectionParameters dp, ApertureParameters ap, string? annulusText, bool timings)
    {
        if (Path.GetFullPath(path) == Path.GetFullPath(output))
        {
            Console.Error.WriteLine($"parallax: {output}: refusing to overwrite the input file");
            return ExitCodes.UsageError;
        }
        var clock = Stopwatch.StartNew();
        MaskedImage image;
        try
        {
            using var file = FitsFile.Open(path);
            image = hduIndex is { } n ? ReadHdu(file, path, n) : MaskedImageFits.Read(file);
        }
        catch (Exception e) when (CliErrors.Report(path, e))
        {
            return ExitCodes.Failed;
        }
        var readSeconds = clock.Elapsed.TotalSeconds;
        var readSecondsCpu = Cpu();
        var background = BackgroundEstimator.Estimate(image, bp);
        var backgroundSeconds = clock.Elapsed.TotalSeconds;
        var backgroundSecondsCpu = Cpu();
        var catalog = SourceDetector.Detect(image, background, dp);
        var detectSeconds = clock.Elapsed.TotalSeconds;
        var detectSecondsCpu = Cpu();
        // The image is not needed any more: subtract in place rather than copy 10 bytes a pixel.
        background.SubtractFrom(image.Data);
        catalog = AperturePhotometry.Measure(catalog, image, ap);
        var photometrySeconds = clock.Elapsed.TotalSeconds;
        var photometrySecondsCpu = Cpu();
        var extra = new Header();
        extra.Add(HeaderCard.Create("SRCFILE", Path.GetFileName(path), "measured image"));
        if (hduIndex is { } h) extra.Add(HeaderCard.Create("SRCHDU", h, "measured HDU"));
        extra.Add(HeaderCard.Create("BACKSIZE", bp.BoxWidth, "[pix] background box size"));
        extra.Add(HeaderCard.Create("BACKFILT", bp.FilterWidth, "background median filter size (boxes)"));
        extra.Add(HeaderCard.Create("DETSIGMA", dp.Threshold, "detection threshold in RMS"));
        extra.Add(HeaderCard.Create("MINAREA", dp.MinArea, "[pix] minimum area"));
        extra.Add(HeaderCard.Create("DEBNTHR", dp.DeblendThresholds, "deblending levels"));
        extra.Add(HeaderCard.Create("DEBMINC", dp.DeblendMinContrast, "deblending minimum contrast"));
        extra.Add(HeaderCard.Create("FILTER", dp.Kernel is null ? "none" : "3x3 pyramid", "detection filter"));
        extra.Add(HeaderCard.Create("APERRAD", ap.Radius, "[pix] aperture radius"));
        extra.Add(HeaderCard.Create("ANNULUS", annulusText ?? "none", "[pix] local sky annulus radii"));
        try
        {
            using var writer = FitsWriter.Create(output);
            SourceCatalogFits.Write(writer, catalog, extra);
            writer.Commit();
        }
        catch (Exception e) when (CliErrors.Report(output, e))
        {
            return ExitCodes.Failed;
        }
        if (timings)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timings (wall/cpu s): read {readSeconds:0.000}/{readSecondsCpu:0.000}, background {backgroundSeconds - readSeconds:0.000}/{backgroundSecondsCpu - readSecondsCpu:0.000}, detect {detectSeconds - backgroundSeconds:0.000}/{detectSecondsCpu - backgroundSecondsCpu:0.000}, photometry {photometrySeconds - detectSeconds:0.000}/{photometrySecondsCpu - detectSecondsCpu:0.000}, write {clock.Elapsed.TotalSeconds - photometrySeconds:0.000}/{Cpu() - photometrySecondsCpu:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{catalog.Count} sources in {Path.GetFileName(path)} ({image.Width}x{image.Height}): background {catalog.BackgroundLevel:0.###} {catalog.Unit}, rms {catalog.BackgroundRms:0.###}, threshold {catalog.Threshold:0.###}; {clock.Elapsed.TotalSeconds:0.00} s -> {output}"));
        return ExitCodes.Success;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>The image of HDU <paramref name="index"/> (2-D, with pixels), without variance or mask.</summary>
    private static MaskedImage ReadHdu(FitsFile file, string path, int index)
    {
        if (index < 0 || index >= file.Count) throw new FitsFormatException($"has no HDU {index} (it has {file.Count}, numbered from 0)", path);
        if (file[index] is not Parallax.Fits.Hdus.ImageHdu img || !img.HasData) throw FitsFormatException.At(file[index].Location, "is not an image with pixels");
        if (img.Axes.Count < 2 || img.Planes != 1) throw FitsFormatException.At(img.Location, $"image is {string.Join('×', img.Axes)}; a 2-D image is needed");
        return new MaskedImage(img.Width, img.Height, img.ReadFloat32(), header: img.Header.Clone(), unit: img.Header.GetString("BUNIT", null)?.Trim() ?? PixelUnits.Adu);
    }
}
