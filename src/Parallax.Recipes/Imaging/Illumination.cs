using System.Globalization;
using Parallax.Imaging;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Illumination correction for flats whose lamp lights the detector unlike the sky (a dome-lamp
/// gradient): the dithered science frames of one filter, detrended and flat-fielded exactly as
/// <see cref="ReduceImage"/> does it, each divided by its sky median, sources and cosmic rays masked,
/// median-combined, and a smooth Legendre surface fitted → MASTER_ILLUM, mean 1. reduce_image divides
/// by it after the flat, so that master flat × illumination is the detector's response to the sky.
/// QC: <c>nframes</c>, <c>illum_min</c>, <c>illum_max</c>, <c>fit_rms</c>.
/// </summary>
public sealed class Illumination : Recipe<IlluminationParameters>
{
    /// <inheritdoc/>
    public override string Name => "illumination";

    /// <inheritdoc/>
    public override string Synopsis => "Illumination correction from dithered science frames: the flat-fielded sky, combined and smoothed";

    /// <inheritdoc/>
    public override string Description => """
        1. detrend each science frame as reduce_image does (overscan, linearity, bias, dark, bad-pixel map, flat, gain; no cosmic-ray cleaning, sky kept)
        2. divide each by its sky median; mask pixels above detect_sigma sky sigmas (sources, cosmic rays), grown by dilate pixels
        3. median-combine the frames (needs min_frames dithered frames)
        4. take the median of blocks of block pixels and fit a Legendre surface of order order (3-sigma rejection); scale it to mean 1
        QC: nframes; illum_min, illum_max = range of the correction; fit_rms = rms of the blocks about the surface.
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["SCIENCE"], MinCount = 2, Doc = "dithered sky exposures of one filter" }],
        Calibrations =
        [
            new CalibrationConnection { Category = "MASTER_BIAS", Required = false, MatchKeys = ["binning", "readout"], Doc = "subtracted" },
            new CalibrationConnection { Category = "MASTER_DARK", Required = false, MatchKeys = ["binning", "readout"], Doc = "scaled by exposure time and subtracted when available" },
            new CalibrationConnection { Category = "MASTER_FLAT", MatchKeys = ["binning", "filter"], Doc = "the flat whose illumination is corrected" },
            new CalibrationConnection { Category = "MASTER_BPM", Required = false, MatchKeys = ["binning"], Doc = "defects masked when available" },
        ],
        Outputs =
        [
            new OutputConnection
            {
                Category = "MASTER_ILLUM", ProductType = "master_illum", Level = ProcessingLevel.Corrected,
                Doc = "illumination correction (dimensionless, mean 1): reduce_image divides by it after the flat",
                Qc = new Dictionary<string, string>
                {
                    ["nframes"] = "science frames combined",
                    ["illum_min"] = "smallest value of the correction",
                    ["illum_max"] = "largest value of the correction",
                    ["fit_rms"] = "rms of the block medians about the fitted surface (fraction of the sky)",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, IlluminationParameters parameters, CancellationToken cancellation)
    {
        if (input.Calibration("MASTER_FLAT") is null) return new CalibrationNotFound("MASTER_FLAT", input.WhyMissing("MASTER_FLAT"));
        var reduceParameters = new ReduceImageParameters
        {
            Overscan = parameters.Overscan,
            OverscanOrder = parameters.OverscanOrder,
            CorrectLinearity = parameters.CorrectLinearity,
            SubtractBias = input.Calibration("MASTER_BIAS") is not null,
            CosmicRays = false,
            SubtractSky = false,
        };
        var reduced = new ReduceImage().Run(new RecipeInput
        {
            Frames = input.Frames,
            Calibrations = input.Calibrations,
            Detector = input.Detector,
            Instrument = input.Instrument,
            Missing = input.Missing,
        }, reduceParameters, cancellation);
        if (reduced is not RecipeSucceeded done) return reduced;
        var frames = done.Products.Where(p => p.Category == "REDUCED_IMAGE").Select(p => p.Image).ToList();
        if (frames.Count < parameters.MinFrames)
            return new UnprocessableData($"{frames.Count} science frame(s) could be reduced; the illumination needs min_frames = {parameters.MinFrames} dithered frames", done.Skipped);
        var normalised = new List<MaskedImage>(frames.Count);
        foreach (var frame in frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (IlluminationSky.Normalise(frame, parameters.DetectSigma, parameters.Dilate, parameters.SkyBox) is { } n) normalised.Add(n);
        }
        if (normalised.Count < parameters.MinFrames)
            return new UnprocessableData($"only {normalised.Count} frame(s) have a positive sky; the illumination needs min_frames = {parameters.MinFrames}", done.Skipped);
        var combined = FrameStack.Combine(normalised, CombineMethod.Median, 0, cancellation);
        var (correction, rms) = IlluminationSky.Smooth(combined, parameters.Order, parameters.Block);
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in correction.Data)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (!(min > 0))
            return new AlgorithmFailed(string.Create(CultureInfo.InvariantCulture, $"the fitted illumination reaches {min:0.####}: a correction must stay positive (fewer sources masked? lower order?)"),
                new Dictionary<string, double> { ["illum_min"] = min, ["illum_max"] = max, ["fit_rms"] = rms });
        return new RecipeSucceeded(
            [new RecipeProduct
            {
                Category = "MASTER_ILLUM",
                Image = correction,
                Qc = new Dictionary<string, double>
                {
                    ["nframes"] = normalised.Count,
                    ["illum_min"] = min,
                    ["illum_max"] = max,
                    ["fit_rms"] = rms,
                },
                History =
                [
                    $"illumination: {normalised.Count} frame(s) reduced with {input.Calibration("MASTER_FLAT")!.Name}, sky-normalised, sources masked above {parameters.DetectSigma} sigma grown by {parameters.Dilate} px, median-combined",
                    $"illumination: Legendre surface of order {parameters.Order} fitted to {parameters.Block}-pixel block medians, scaled to mean 1",
                ],
            }],
            done.Skipped);
    }
}
