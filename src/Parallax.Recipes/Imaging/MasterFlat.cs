using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Master flat: flats of one filter, each minus the master bias (and the master dark scaled to its
/// exposure, when given), converted to electrons with each amplifier's gain (so the master is the
/// pixels' response alone, without the amplifiers' gain ratios), scaled to a level of 1, combined,
/// and the master scaled to a median of 1.
/// Flats outside [min_level, max_level] are skipped. QC: <c>median_adu</c> (mean level of the flats
/// used, ADU) and <c>nonuniformity</c> (robust σ / median of the master over the data sections).
/// </summary>
public sealed class MasterFlat : Recipe<MasterFlatParameters>
{
    /// <inheritdoc/>
    public override string Name => "master_flat";

    /// <inheritdoc/>
    public override string Synopsis => "Combine bias- and dark-subtracted flats into a normalised master flat; QC: level and non-uniformity";

    /// <inheritdoc/>
    public override string Description => """
        1. subtract each flat's overscan, trim it to the data sections, flag saturated pixels and give it its raw variance
        2. subtract the master bias, and the master dark scaled by exposure time when one is given
        3. skip flats whose level is outside min_level .. max_level
        4. convert to electrons with each amplifier's gain (the master holds no gain ratios between amplifiers)
        5. scale each flat to a level of 1 (normalise), combine pixel by pixel, scale the master to a median of 1
        QC: median_adu = mean level of the flats used; nonuniformity = robust sigma / median of the master.
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["FLAT"], MinCount = 1, Doc = "exposures of a uniformly lit source, one filter" }],
        Calibrations =
        [
            new CalibrationConnection { Category = "MASTER_BIAS", MatchKeys = ["binning", "readout"], Doc = "subtracted from each flat" },
            new CalibrationConnection { Category = "MASTER_DARK", Required = false, MatchKeys = ["binning", "readout"], Doc = "scaled by exposure time and subtracted when given" },
        ],
        Outputs =
        [
            new OutputConnection
            {
                Category = "MASTER_FLAT", ProductType = "master_flat", Level = ProcessingLevel.Corrected, Doc = "normalised flat field (dimensionless)",
                Qc = new Dictionary<string, string>
                {
                    ["median_adu"] = "mean level of the flats used [adu]",
                    ["nonuniformity"] = "robust sigma / median of the master over the data sections",
                    ["nframes"] = "flats combined",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, MasterFlatParameters parameters, CancellationToken cancellation)
    {
        var bias = input.Calibration("MASTER_BIAS");
        if (bias is null) return new CalibrationNotFound("MASTER_BIAS", input.WhyMissing("MASTER_BIAS"));
        var dark = input.Calibration("MASTER_DARK");
        var gain = DetectorNoise.Gain(input.Detector);
        var skipped = new List<SkippedInput>();
        var frames = new List<MaskedImage>();
        var levels = new List<double>();
        var history = new List<string>();
        foreach (var f in input.Frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (DetectorStep.TryApply(f, input.Detector, parameters, skipped) is not { } step) continue;
            var image = step.Image;
            if (DetectorStep.MismatchedCalibration(image, bias, dark) is { } mismatch) return mismatch with { Inputs = skipped };
            DetectorStep.ApplyNoiseModel(step, input.Detector, bias.Image);
            ImageArithmetic.Subtract(image, bias.Image);
            if (dark is not null) ImageArithmetic.Subtract(image, dark.Image, DarkScale(f, dark));
            var level = parameters.Normalise == FlatNormalisation.Mean
                ? RobustStatistics.Mean(image.Data, image.Mask)
                : RobustStatistics.Median(image.Data, image.Mask);
            if (!double.IsFinite(level) || level < parameters.MinLevel) { skipped.Add(new SkippedInput(f.Name, $"level {level:0.#} adu is below min_level {parameters.MinLevel}")); continue; }
            if (level > parameters.MaxLevel) { skipped.Add(new SkippedInput(f.Name, $"level {level:0.#} adu is above max_level {parameters.MaxLevel}")); continue; }
            // The response is measured in electrons: each amplifier's gain is divided out first, so the
            // master holds the pixels' response alone and not the amplifiers' gain ratios (which
            // reduce_image removes by converting each amplifier to electrons before the flat).
            var gainedLevel = level;
            if (step.Gains.Count > 0)
            {
                DetectorStep.ToElectrons(image, step, gain);
                gainedLevel = parameters.Normalise == FlatNormalisation.Mean
                    ? RobustStatistics.Mean(image.Data, image.Mask)
                    : RobustStatistics.Median(image.Data, image.Mask);
            }
            if (parameters.Normalise != FlatNormalisation.None) image.MultiplyInPlace(new ValueWithVariance((float)(1 / gainedLevel), 0));
            frames.Add(image);
            levels.Add(level);
        }
        if (frames.Count == 0) return new UnprocessableData($"no flat has a level within {parameters.MinLevel} .. {parameters.MaxLevel} adu", skipped);
        var master = FrameStack.Combine(frames, parameters.Combine, parameters.ClipSigma, cancellation);
        var masterMedian = RobustStatistics.Median(master.Data, master.Mask);
        if (parameters.Normalise != FlatNormalisation.None)
        {
            if (!(masterMedian > 0)) return new AlgorithmFailed("the combined flat has no positive median", new Dictionary<string, double> { ["median"] = masterMedian });
            master.MultiplyInPlace(new ValueWithVariance((float)(1 / masterMedian), 0));
            master.Unit = "";
        }
        var median = RobustStatistics.Median(master.Data, master.Mask);
        history.Add($"master_flat: {frames.Count} flat(s) minus {bias.Name}{(dark is null ? "" : $" and scaled {dark.Name}")}, normalised by {ParameterDescriptor.SnakeCase(parameters.Normalise.ToString())}, combined by {ParameterDescriptor.SnakeCase(parameters.Combine.ToString())}");
        if (dark is null) history.Add("master_flat: no MASTER_DARK: dark current not subtracted");
        return new RecipeSucceeded(
            [new RecipeProduct
            {
                Category = "MASTER_FLAT",
                Image = master,
                Qc = new Dictionary<string, double>
                {
                    ["median_adu"] = levels.Average(),
                    ["nonuniformity"] = RobustStatistics.MadSigma(master.Data, master.Mask) / median,
                    ["nframes"] = frames.Count,
                },
                History = history,
            }],
            skipped);
    }

    /// <summary>Exposure of the frame over the dark's; 1 when either is unknown.</summary>
    internal static double DarkScale(RecipeFrame frame, RecipeFrame dark)
    {
        var darkTime = dark.Image.Header.TryGetDouble("EXPTIME", out var t) ? t : dark.ExposureTime;
        return frame.ExposureTime is { } f && darkTime is { } d && d > 0 ? f / d : 1;
    }
}
