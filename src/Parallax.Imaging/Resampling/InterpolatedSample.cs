namespace Parallax.Imaging.Resampling;

/// <summary>
/// One interpolated sample of a <see cref="MaskedImage"/>: value, variance, mask and coverage.
/// </summary>
/// <param name="Value">Interpolated value in the image's unit; NaN when the sample was dropped (see <see cref="BadPixelPolicy"/>).</param>
/// <param name="Variance">Σ wᵢ² σᵢ² over the pixels used (weights normalised to sum 1), unit²; NaN when dropped.</param>
/// <param name="Mask">OR of the <see cref="MaskBits"/> of the pixels used, plus Interpolated / Edge when pixels were left out, or NoData when dropped.</param>
/// <param name="Coverage">Fraction of the kernel weight that fell on usable pixels, clipped to [0, 1]; 0 when dropped.</param>
public readonly record struct InterpolatedSample(float Value, float Variance, ushort Mask, float Coverage)
{
    /// <summary>True when the sample holds a value (it was not dropped).</summary>
    public bool HasValue => (Mask & (ushort)MaskBits.NoData) == 0;
}
