using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="MasterBias"/>.</summary>
public sealed record MasterBiasParameters : DetectorParameters
{
    /// <summary>How the bias frames are combined.</summary>
    [Parameter("How the bias frames are combined pixel by pixel: median (robust) or mean (least noise).")]
    public CombineMethod Combine { get; init; } = CombineMethod.Median;

    /// <summary>Clipping threshold in standard deviations; 0 turns clipping off.</summary>
    [Parameter("Reject values more than this many standard deviations from the pixel's median before combining (needs 3 or more frames); 0 turns clipping off.", Minimum = 0, Maximum = 100, Unit = "sigma")]
    public double ClipSigma { get; init; } = 3.0;
}
