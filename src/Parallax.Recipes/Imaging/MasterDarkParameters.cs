using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="MasterDark"/>.</summary>
public sealed record MasterDarkParameters : DetectorParameters
{
    /// <summary>How the bias-subtracted darks are combined.</summary>
    [Parameter("How the bias-subtracted dark frames are combined pixel by pixel: median or mean.")]
    public CombineMethod Combine { get; init; } = CombineMethod.Median;

    /// <summary>Clipping threshold in standard deviations; 0 turns clipping off.</summary>
    [Parameter("Reject values more than this many standard deviations from the pixel's median before combining (needs 3 or more frames); 0 turns clipping off.", Minimum = 0, Maximum = 100, Unit = "sigma")]
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>Hot-pixel threshold in robust standard deviations above the median dark; 0 turns flagging off.</summary>
    [Parameter("Flag pixels of the master dark more than this many robust standard deviations above its median as hot (DQ value 8); 0 turns it off.", Minimum = 0, Maximum = 1000, Unit = "sigma")]
    public double HotSigma { get; init; } = 5.0;
}
