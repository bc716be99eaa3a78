using ImageSection = Parallax.Imaging.Detector.ImageSection;
using Parallax.Pipeline.Instruments;
namespace Parallax.Pipeline.Recipes;

/// <summary>One amplifier of a frame's detector with its values resolved from the header: sections as pixel regions, electronics as numbers.</summary>
public sealed record AmplifierLayout
{
    /// <summary>The amplifier's name.</summary>
    public required string Name { get; init; }

    /// <summary>The illuminated pixels, or null when not known (then the whole image).</summary>
    public ImageSection? DataSection { get; init; }

    /// <summary>The overscan pixels, or null when the detector has none.</summary>
    public ImageSection? BiasSection { get; init; }

    /// <summary>Gain in electrons per ADU, or null when unknown.</summary>
    public double? Gain { get; init; }

    /// <summary>Read noise in electrons, or null when unknown.</summary>
    public double? ReadNoise { get; init; }

    /// <summary>Saturation level in raw ADU, or null when unknown.</summary>
    public double? Saturation { get; init; }

    /// <summary>The amplifier's non-linear response (its own, else the detector's), or null when the detector is taken as linear.</summary>
    public DetectorNonlinearity? Nonlinearity { get; init; }
}
