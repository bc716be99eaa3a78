using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Combine;

/// <summary>The outcome of a 1-D coadd.</summary>
/// <param name="Spectrum">The combined spectrum on the common grid, at the reference (first) input's level; its metadata are the reference's.</param>
/// <param name="Scales">The factor each input was multiplied by (1 for the reference, or for all when scaling is off).</param>
/// <param name="RejectedPixels">Output pixels at which each input was rejected by the sigma clipping.</param>
/// <param name="Contributors">How many inputs entered each output pixel's mean (0 where it is NoData).</param>
/// <param name="TotalExposureTime">Sum of the inputs' exposure times, s (NaN when one is unknown).</param>
public sealed record CoaddResult(Spectrum1D Spectrum, double[] Scales, int[] RejectedPixels, int[] Contributors, double TotalExposureTime);
