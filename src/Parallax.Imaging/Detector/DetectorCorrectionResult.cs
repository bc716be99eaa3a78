namespace Parallax.Imaging.Detector;

/// <summary>The corrected detector image and what was done to each amplifier.</summary>
/// <param name="Image">The trimmed, assembled image (electrons, or ADU when asked), with variance and mask.</param>
/// <param name="Amplifiers">One record per amplifier, in the order given.</param>
/// <param name="BinningX">Binning along x found from DETSEC against the data sections (1 without DETSEC).</param>
/// <param name="BinningY">Binning along y.</param>
public sealed record DetectorCorrectionResult(MaskedImage Image, IReadOnlyList<AmplifierCorrection> Amplifiers, int BinningX, int BinningY);
