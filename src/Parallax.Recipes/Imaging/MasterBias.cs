using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Master bias: the bias frames combined pixel by pixel. QC: <c>median_adu</c> (the bias level)
/// and <c>noise_adu</c> (the read noise of one frame, from the difference of the first two frames,
/// σ(a − b)/√2, which cancels fixed pattern; from one frame's robust σ when there is only one), both
/// over the detector's data sections (overscan ignored); <c>noise_e</c> with the gain when known.
/// </summary>
public sealed class MasterBias : Recipe<MasterBiasParameters>
{
    /// <inheritdoc/>
    public override string Name => "master_bias";

    /// <inheritdoc/>
    public override string Synopsis => "Combine bias frames into a master bias; QC: bias level and read noise";

    /// <inheritdoc/>
    public override string Description => """
        1. measure the read noise of one frame from the difference of the first two (robust sigma / sqrt 2), over the data sections
        2. give every pixel of every frame that variance
        3. combine the frames pixel by pixel (median or mean, after clipping at clip_sigma)
        QC: median_adu = median of the master over the data sections; noise_adu = read noise of one frame (ADU); noise_e = the same in electrons.
        """;

    /// <inheritdoc/>
    public override RecipeConnections Connections { get; } = new()
    {
        Inputs = [new InputConnection { Categories = ["BIAS"], MinCount = 1, Doc = "zero-second exposures" }],
        Outputs =
        [
            new OutputConnection
            {
                Category = "MASTER_BIAS", ProductType = "master_bias", Level = ProcessingLevel.Corrected, Doc = "the combined bias, in ADU",
                Qc = new Dictionary<string, string>
                {
                    ["median_adu"] = "bias level: median over the data sections [adu]",
                    ["noise_adu"] = "read noise of one frame [adu]",
                    ["noise_e"] = "read noise of one frame [electron]",
                    ["nframes"] = "frames combined",
                },
            },
        ],
    };

    /// <inheritdoc/>
    public override RecipeOutcome Run(RecipeInput input, MasterBiasParameters parameters, CancellationToken cancellation)
    {
        var frames = input.Frames.Select(f => f.Image.Clone()).ToList();
        var regions = input.Detector.DataRegions(frames[0].Width, frames[0].Height);
        var noise = frames.Count >= 2
            ? RobustStatistics.MadSigma(RegionSamples.Difference(frames[0], frames[1], regions)) / Math.Sqrt(2)
            : RobustStatistics.MadSigma(RegionSamples.Of(frames[0], regions));
        if (!double.IsFinite(noise))
            return new AlgorithmFailed("the read noise cannot be measured: the data sections hold no usable pixel", new Dictionary<string, double> { ["frames"] = frames.Count });
        foreach (var f in frames) ImageArithmetic.SetRawVariance(f, noise, double.PositiveInfinity, null, null);
        cancellation.ThrowIfCancellationRequested();
        var master = FrameStack.Combine(frames, parameters.Combine, parameters.ClipSigma, cancellation);
        var qc = new Dictionary<string, double>
        {
            ["median_adu"] = RobustStatistics.Median(RegionSamples.Of(master, regions)),
            ["noise_adu"] = noise,
            ["nframes"] = frames.Count,
        };
        if (input.Detector.MeanGain is { } gain) qc["noise_e"] = noise * gain;
        return new RecipeSucceeded(new RecipeProduct
        {
            Category = "MASTER_BIAS",
            Image = master,
            Qc = qc,
            History = [$"master_bias: {frames.Count} frame(s) combined by {ParameterDescriptor.SnakeCase(parameters.Combine.ToString())}{(parameters.ClipSigma > 0 ? $", clipped at {parameters.ClipSigma} sigma" : "")}"],
        });
    }
}
