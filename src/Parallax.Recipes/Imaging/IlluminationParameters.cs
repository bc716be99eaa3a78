using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="Illumination"/>.</summary>
public sealed record IlluminationParameters : DetectorParameters
{
    /// <summary>Fewest science frames the correction is made from.</summary>
    [Parameter("Fewest dithered science frames to combine: with fewer, sources overlap in the median and bias the correction.", Minimum = 2, Maximum = 10000)]
    public int MinFrames { get; init; } = 3;

    /// <summary>Source detection threshold for the source mask.</summary>
    [Parameter("Pixels more than this many sky sigmas above the sky model are masked as sources (and cosmic rays) before the frames are combined.", Minimum = 0.5, Maximum = 100, Unit = "sigma")]
    public double DetectSigma { get; init; } = 3.0;

    /// <summary>Dilation of the source mask.</summary>
    [Parameter("Grow the source mask by this many pixels in every direction, to cover the sources' faint wings.", Minimum = 0, Maximum = 100, Unit = "pixel")]
    public int Dilate { get; init; } = 3;

    /// <summary>Order of the fitted surface.</summary>
    [Parameter("Order in x and in y of the Legendre surface fitted to the combined sky (full cross terms): the illumination varies on the scale of the detector.", Minimum = 0, Maximum = 6)]
    public int Order { get; init; } = 2;

    /// <summary>Block size for the surface fit.</summary>
    [Parameter("The combined sky is reduced to the median of blocks of this size before the surface is fitted (3-sigma rejection of blocks).", Minimum = 1, Maximum = 1024, Unit = "pixel")]
    public int Block { get; init; } = 16;

    /// <summary>Sky model box size (for the source mask).</summary>
    [Parameter("Box size of the sky model the source mask is measured against.", Minimum = 8, Maximum = 4096, Unit = "pixel")]
    public int SkyBox { get; init; } = 64;
}
