namespace Parallax.Imaging.Coadd;

/// <summary>One combined coadd pixel.</summary>
/// <param name="Value">Weighted mean of the accepted values (output unit); NaN without data.</param>
/// <param name="Variance">Σwᵢ²σᵢ² / (Σwᵢ)² of the accepted values; NaN without data.</param>
/// <param name="Mask">OR of the accepted values' mask bits, plus <see cref="MaskBits.Saturated"/> when any frame was saturated here; <see cref="MaskBits.NoData"/> with the bits of the unusable values without data.</param>
/// <param name="Exposure">Seconds of exposure of the usable values (before clipping: a clipped cosmic ray does not shorten it).</param>
/// <param name="Weight">Σwᵢ of the accepted values.</param>
/// <param name="Used">Values accepted.</param>
/// <param name="Rejected">Usable values the clipping left out.</param>
internal readonly record struct CoaddPixel(float Value, float Variance, ushort Mask, float Exposure, float Weight, int Used, int Rejected);
