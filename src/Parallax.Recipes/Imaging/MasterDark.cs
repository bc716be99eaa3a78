using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Master dark: dark frames of one exposure time, each minus the master bias, combined pixel by
/// pixel. The product stays in ADU at the darks' exposure time (EXPTIME in its header), so a
/// detrending step scales it to the science exposure. QC: <c>median_adu</c>, <c>dark_current_adu_s</c>
/// (median over the data sections per second), <c>dark_current_e_s</c> with the gain, <c>hot_fraction</c>.
/// </summary>
public sealed class MasterDark : Recipe<MasterDarkParameters>
{
    /// <inheritdoc/>
    public override string Name => "master_dark";

    /// <inheritdoc/>
    public override string Synopsis => "Combine bias-subtracted dark frames into a master dark; QC: dark current and hot pixels";

    /// <inheritdoc/>
    public override string Description => """
        1. subtract each dark's overscan, trim it to the data sections, flag saturated pixels and give it its raw variance (read noise squared + signal / gain)
        2. subtract the master bias from each dark
        3. combine the darks pixel by pixel (median or mean, after clipping at clip_sigma)
        4. flag hot pixels above median + hot_sigma x robust sigma
        QC: median_adu; dark_current_adu_s = median / exposure time; dark_current_e_s with the gain; hot_fraction = share of data pixels flagged hot.
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["DARK"], MinCount = 1, Doc = "closed-shutter exposures of one exposure time" }],
        Calibrations = [new CalibrationConnection { Category = "MASTER_BIAS", MatchKeys = ["binning", "readout"], Doc = "subtracted from each dark" }],
        Outputs =
        [
            new OutputConnection
            {
                Category = "MASTER_DARK", ProductType = "master_dark", Level = ProcessingLevel.Corrected, Doc = "bias-subtracted combined dark in ADU at the darks' exposure time",
                Qc = new Dictionary<string, string>
                {
                    ["median_adu"] = "median of the master dark over the data sections [adu]",
                    ["dark_current_adu_s"] = "median dark current [adu/s]",
                    ["dark_current_e_s"] = "median dark current [electron/s]",
                    ["hot_fraction"] = "fraction of data pixels flagged hot",
                    ["nframes"] = "frames combined",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, MasterDarkParameters parameters, CancellationToken cancellation)
    {
        var bias = input.Calibration("MASTER_BIAS");
        if (bias is null) return new CalibrationNotFound("MASTER_BIAS", input.WhyMissing("MASTER_BIAS"));
        var skipped = new List<SkippedInput>();
        var usable = new List<RecipeFrame>();
        var exposure = input.Frames.Select(f => f.ExposureTime).FirstOrDefault(t => t is not null);
        foreach (var f in input.Frames)
        {
            if (f.ExposureTime is null) skipped.Add(new SkippedInput(f.Name, "has no exposure time"));
            else if (exposure is { } t && Math.Abs(f.ExposureTime.Value - t) > Math.Max(0.01 * t, 0.01)) skipped.Add(new SkippedInput(f.Name, $"exposure {f.ExposureTime} s differs from the first dark's {t} s"));
            else usable.Add(f);
        }
        if (usable.Count == 0) return new UnprocessableData("no dark frame has a usable exposure time", skipped);
        var frames = new List<MaskedImage>(usable.Count);
        foreach (var f in usable)
        {
            cancellation.ThrowIfCancellationRequested();
            if (DetectorStep.TryApply(f, input.Detector, parameters, skipped) is not { } step) continue;
            if (DetectorStep.MismatchedCalibration(step.Image, bias) is { } mismatch) return mismatch with { Inputs = skipped };
            DetectorStep.ApplyNoiseModel(step, input.Detector, bias.Image);
            ImageArithmetic.Subtract(step.Image, bias.Image);
            frames.Add(step.Image);
        }
        if (frames.Count == 0) return new UnprocessableData("no dark frame fits its detector description", skipped);
        var master = FrameStack.Combine(frames, parameters.Combine, parameters.ClipSigma, cancellation);
        var seconds = usable.Average(f => f.ExposureTime!.Value);
        master.Header.Set("EXPTIME", seconds, "[s] exposure time of the darks combined");
        var median = RobustStatistics.Median(master.Data, master.Mask);
        var hotFraction = parameters.HotSigma > 0 ? FlagHot(master, median, RobustStatistics.MadSigma(master.Data, master.Mask) * parameters.HotSigma) : 0;
        var qc = new Dictionary<string, double>
        {
            ["median_adu"] = median,
            ["dark_current_adu_s"] = seconds > 0 ? median / seconds : double.NaN,
            ["hot_fraction"] = hotFraction,
            ["nframes"] = frames.Count,
        };
        if (input.Detector.MeanGain is { } g && seconds > 0) qc["dark_current_e_s"] = median / seconds * g;
        return new RecipeSucceeded(
            [new RecipeProduct
            {
                Category = "MASTER_DARK",
                Image = master,
                Qc = qc,
                History = [$"master_dark: {frames.Count} dark(s) of {seconds} s minus {bias.Name}, combined by {ParameterDescriptor.SnakeCase(parameters.Combine.ToString())}"],
            }],
            skipped);
    }

    /// <summary>Flags pixels above median + threshold as hot; returns their share of the pixels.</summary>
    private static double FlagHot(MaskedImage master, double median, double threshold)
    {
        if (!(threshold > 0) || master.PixelCount == 0) return 0;
        var limit = median + threshold;
        long hot = 0;
        for (var i = 0; i < master.PixelCount; i++)
        {
            if (!(master.Data[i] > limit)) continue;
            master.Mask[i] |= (ushort)MaskBits.Hot;
            hot++;
        }
        return (double)hot / master.PixelCount;
    }
}
