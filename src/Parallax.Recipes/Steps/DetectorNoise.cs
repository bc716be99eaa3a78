using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>The detector's gain and read noise as recipes use them, with the fallbacks when the instrument file gives none.</summary>
public static class DetectorNoise
{
    /// <summary>Gain in electrons per ADU: the amplifiers' mean, else 1.</summary>
    public static double Gain(DetectorLayout detector) => detector.MeanGain is { } g && g > 0 ? g : 1;

    /// <summary>Read noise in ADU: the amplifiers' mean read noise (electrons) over the gain, or null when unknown.</summary>
    public static double? ReadNoiseAdu(DetectorLayout detector)
    {
        var rn = detector.Amplifiers.Select(a => a.ReadNoise).OfType<double>().ToList();
        return rn.Count == 0 ? null : rn.Average() / Gain(detector);
    }
}
