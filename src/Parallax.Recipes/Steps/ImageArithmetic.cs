using Parallax.Imaging;

namespace Parallax.Recipes.Steps;

/// <summary>
/// The recipe steps of detrending that are more than one operator of <see cref="MaskedImage"/>:
/// scaled subtraction, flat division that blanks pixels without a usable flat, and the raw noise model.
/// Each works in place on the first image, propagates variance and ORs masks.
/// </summary>
public static class ImageArithmetic
{
    /// <summary>image −= scale × calibration; variance += scale² × σ²(calibration); masks are ORed.</summary>
    /// <exception cref="ArgumentException">The shapes or units differ.</exception>
    public static void Subtract(MaskedImage image, MaskedImage calibration, double scale = 1)
    {
        Check(image, calibration);
        image.SubtractInPlace(scale == 1 ? calibration : calibration * new ValueWithVariance((float)scale, 0));
    }

    /// <summary>
    /// image /= flat with first-order variance propagation (σ²/f² + v²σf²/f⁴) and masks ORed; the
    /// image keeps its unit (a flat is dimensionless). Where the flat is not positive or not finite
    /// the result is NaN with <see cref="MaskBits.NoData"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void Divide(MaskedImage image, MaskedImage flat)
    {
        Check(image, flat);
        var unit = image.Unit;
        image.DivideInPlace(flat);
        image.Unit = unit;
        for (var i = 0; i < image.PixelCount; i++)
        {
            var f = flat.Data[i];
            if (f > 0 && float.IsFinite(f)) continue;
            image.Data[i] = float.NaN;
            image.Variance[i] = 0;
            // Division by zero flags BadPixel; here the flat simply has no data for this pixel.
            image.Mask[i] = (ushort)((image.Mask[i] & ~(int)MaskBits.BadPixel) | flat.Mask[i] | (int)MaskBits.NoData);
        }
    }

    /// <summary>
    /// Sets the variance of a raw frame from the detector noise model, in ADU²: read noise² +
    /// signal / gain, where signal is the value above <paramref name="bias"/> (never negative).
    /// Pixels at or above <paramref name="saturation"/> are flagged <see cref="MaskBits.Saturated"/>;
    /// non-finite pixels <see cref="MaskBits.NoData"/>.
    /// </summary>
    public static void SetRawVariance(MaskedImage image, double readNoiseAdu, double gain, MaskedImage? bias, double? saturation)
    {
        var rn2 = (float)(readNoiseAdu * readNoiseAdu);
        var inverseGain = (float)(1 / gain);
        var sat = saturation is { } s ? (float)s : float.PositiveInfinity;
        for (var i = 0; i < image.PixelCount; i++)
        {
            var raw = image.Data[i];
            var signal = raw - (bias?.Data[i] ?? 0);
            image.Variance[i] = rn2 + Math.Max(signal, 0) * inverseGain;
            if (raw >= sat) image.Mask[i] |= (ushort)MaskBits.Saturated;
            if (!float.IsFinite(raw)) image.Mask[i] |= (ushort)MaskBits.NoData;
        }
    }

    private static void Check(MaskedImage a, MaskedImage b)
    {
        if (!a.HasSameShape(b)) throw new ArgumentException($"image is {a.ShapeText} but the calibration is {b.ShapeText}");
    }
}
