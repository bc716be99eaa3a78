using Parallax.Imaging;
using Parallax.Imaging.Detector;

namespace Parallax.Recipes.Steps;

/// <summary>A frame after <see cref="DetectorStep.Apply"/>: the trimmed, overscan-subtracted image in ADU and what was done per amplifier.</summary>
/// <param name="Image">The corrected image (ADU; variance = read noise² + Poisson in ADU²; saturated pixels flagged).</param>
/// <param name="Amplifiers">Per amplifier: overscan level and rms (ADU), placement in <paramref name="Image"/>; empty when the frame was a product and left alone.</param>
/// <param name="Gains">Gain of each amplifier (electrons per ADU), in the order of <paramref name="Amplifiers"/>.</param>
public sealed record DetectorStepResult(MaskedImage Image, IReadOnlyList<AmplifierCorrection> Amplifiers, IReadOnlyList<double> Gains)
{
    /// <summary>Mean overscan level subtracted over the amplifiers (ADU); NaN when no overscan was subtracted.</summary>
    public double OverscanLevel => Amplifiers.Count == 0 ? double.NaN : Amplifiers.Average(a => a.OverscanLevel);

    /// <summary>Mean robust noise of the overscan pixels over the amplifiers (ADU): the read noise; NaN without overscan.</summary>
    public double OverscanNoise => Amplifiers.Count == 0 ? double.NaN : Amplifiers.Average(a => a.OverscanRms);
}
