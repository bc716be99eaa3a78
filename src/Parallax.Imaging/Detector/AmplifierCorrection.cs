namespace Parallax.Imaging.Detector;

/// <summary>What <see cref="DetectorCorrector"/> did to one amplifier, for QC and provenance.</summary>
/// <param name="Name">The amplifier's name.</param>
/// <param name="Overscan">The overscan profile subtracted (levels and noise in ADU); null when no overscan correction ran.</param>
/// <param name="Gain">Gain applied, electrons per ADU (1 when the output stayed in ADU).</param>
/// <param name="ReadNoise">Read noise used in the variance, electrons.</param>
/// <param name="Placement">Where the amplifier's pixels landed in the output (zero-based, not flipped).</param>
/// <param name="FlippedX">True when the pixels were reversed along x to follow DETSEC.</param>
/// <param name="FlippedY">True when the pixels were reversed along y to follow DETSEC.</param>
/// <param name="SaturatedPixels">Pixels flagged Saturated (raw value at or above the amplifier's level).</param>
/// <param name="NonlinearPixels">Pixels flagged Nonlinear.</param>
public sealed record AmplifierCorrection(string Name, OverscanProfile? Overscan, double Gain, double ReadNoise, ImageSection Placement,
    bool FlippedX, bool FlippedY, int SaturatedPixels, int NonlinearPixels)
{
    /// <summary>Mean overscan level subtracted (ADU); NaN without overscan correction.</summary>
    public double OverscanLevel => Overscan?.MeanLevel ?? double.NaN;

    /// <summary>Robust noise of the overscan pixels (ADU); NaN without overscan correction.</summary>
    public double OverscanRms => Overscan?.NoiseRms ?? double.NaN;
}
