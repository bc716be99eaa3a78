namespace Parallax.Imaging.Coadd;

/// <summary>What a coadd did with one frame.</summary>
/// <param name="Name">The frame's name.</param>
/// <param name="Scale">Factor from the frame's counts to the output unit (1/EXPTIME, times 10^(0.4·(ZP − ZPᵢ)) with zero points).</param>
/// <param name="Weight">The frame's weight in the mean (see <see cref="CoaddWeighting"/>), in 1/output-unit² for inverse-variance weights.</param>
/// <param name="Background">Global background level subtracted, or measured when not subtracted, in the frame's unit.</param>
/// <param name="WcsSource">Where its WCS came from: "own", or the star alignment with its pairs and rms.</param>
public sealed record CoaddFrameReport(string Name, double Scale, double Weight, double Background, string WcsSource);
