namespace Parallax.Imaging;

/// <summary>
/// A scalar and its variance, for arithmetic with a <see cref="MaskedImage"/>: for example a
/// measured gain (2.1 ± 0.02 electron/adu is <c>new(2.1f, 0.02f * 0.02f)</c>) or a sky level.
/// A plain float converts to a value with zero variance.
/// </summary>
/// <param name="Value">The value.</param>
/// <param name="Variance">Its variance (σ², not σ); must be ≥ 0.</param>
public readonly record struct ValueWithVariance(float Value, float Variance)
{
    /// <summary>A value known exactly.</summary>
    public static implicit operator ValueWithVariance(float value) => new(value, 0f);
}
