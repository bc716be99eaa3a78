using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// Master bias: the bias frames, overscan-subtracted and trimmed to their data sections, combined
/// pixel by pixel. QC: <c>median_adu</c> (the raw bias level: overscan level plus the master's
/// median), <c>residual_adu</c> (the master's median after overscan subtraction: the bias structure
/// the overscan does not follow) and <c>noise_adu</c> (the read noise of one frame, from the difference
/// of the first two frames, σ(a − b)/√2, which cancels fixed pattern; from one frame's robust σ when
/// there is only one); <c>noise_e</c> with the gain when known.
/// </summary>
public sealed class MasterBias : Recipe<MasterBiasParameters>
{
    /// <inheritdoc/>
    public override string Name => "master_bias";

    /// <inheritdoc/>
    public override string Synopsis => "Combine bias frames into a master bias; QC: bias level and read noise";

    /// <inheritdoc/>
    public override string Description => """
        1. subtract each frame's overscan and trim it to the data sections (assembling amplifiers by DETSEC)
        2. measure the read noise of one frame from the difference of the first two (robust sigma / sqrt 2)
        3. give every pixel of every frame that variance
        4. combine the frames pixel by pixel (median or mean, after clipping at clip_sigma)
        QC: median_adu = raw bias level (overscan + master median); residual_adu = master median after overscan subtraction; noise_adu = read noise of one frame (ADU); noise_e = the same in electrons.
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
                    ["median_adu"] = "raw bias level: overscan level + median of the master [adu]",
                    ["residual_adu"] = "median of the master after overscan subtraction [adu]",
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
        var skipped = new List<SkippedInput>();
        var corrected = input.Frames.Select(f => DetectorStep.TryApply(f, input.Detector, parameters, skipped)).OfType<DetectorStepResult>().ToList();
        if (corrected.Count == 0) return new UnprocessableData("no bias frame fits its detector description", skipped);
        var frames = corrected.Select(c => c.Image).ToList();
        var noise = frames.Count >= 2
            ? RobustStatistics.MadSigma(UsableDifference.Of(frames[0], frames[1])) / Math.Sqrt(2)
            : RobustStatistics.MadSigma(frames[0].Data, frames[0].Mask);
        if (!double.IsFinite(noise))
            return new AlgorithmFailed("the read noise cannot be measured: the data sections hold no usable pixel", new Dictionary<string, double> { ["frames"] = frames.Count });
        // A bias has no signal: its variance is the read noise measured here (the instrument's value may be missing or stale).
        foreach (var f in frames) Array.Fill(f.Variance, (float)(noise * noise));
        cancellation.ThrowIfCancellationRequested();
        var master = FrameStack.Combine(frames, parameters.Combine, parameters.ClipSigma, cancellation);
        var residual = RobustStatistics.Median(master.Data, master.Mask);
        var overscan = corrected.Select(c => c.OverscanLevel).Where(double.IsFinite).DefaultIfEmpty(0).Average();
        var qc = new Dictionary<string, double>
        {
            ["median_adu"] = overscan + residual,
            ["residual_adu"] = residual,
            ["noise_adu"] = noise,
            ["nframes"] = frames.Count,
        };
        if (input.Detector.MeanGain is { } gain) qc["noise_e"] = noise * gain;
        return new RecipeSucceeded(
            [new RecipeProduct
            {
                Category = "MASTER_BIAS",
                Image = master,
                Qc = qc,
                History = [$"master_bias: {frames.Count} frame(s) combined by {ParameterDescriptor.SnakeCase(parameters.Combine.ToString())}{(parameters.ClipSigma > 0 ? $", clipped at {parameters.ClipSigma} sigma" : "")}"],
            }],
            skipped);
    }
}
