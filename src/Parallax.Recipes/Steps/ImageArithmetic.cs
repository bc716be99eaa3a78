using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>Pixel arithmetic with variance propagation and mask OR, in place on the first image.</summary>
public static class ImageArithmetic
{
    /// <summary>image −= scale × calibration; variance += scale² × σ²(calibration); masks are ORed.</summary>
    public static void Subtract(FrameImage image, FrameImage calibration, double scale = 1)
    {
        Check(image, calibration);
        var s = (float)scale;
        var s2 = (float)(scale * scale);
        for (var i = 0; i < image.PixelCount; i++)
        {
            image.Data[i] -= s * calibration.Data[i];
            image.Variance[i] += s2 * calibration.Variance[i];
            image.Mask[i] |= calibration.Mask[i];
        }
    }

    /// <summary>
    /// image /= flat; the variance follows (σ²/f² + v²σf²/f⁴, first order); masks are ORed. Where
    /// the flat is not positive or not finite the result is NaN with <see cref="MaskFlags.NoData"/>.
    /// </summary>
    public static void Divide(FrameImage image, FrameImage flat)
    {
        Check(image, flat);
        for (var i = 0; i < image.PixelCount; i++)
        {
            var f = flat.Data[i];
            image.Mask[i] |= flat.Mask[i];
            if (!(f > 0) || !float.IsFinite(f))
            {
                image.Data[i] = float.NaN;
                image.Variance[i] = 0;
                image.Mask[i] |= MaskFlags.NoData;
                continue;
            }
            var v = image.Data[i];
            image.Variance[i] = image.Variance[i] / (f * f) + v * v * flat.Variance[i] / (f * f * f * f);
            image.Data[i] = v / f;
        }
    }

    /// <summary>image *= factor; variance *= factor².</summary>
    public static void Scale(FrameImage image, double factor)
    {
        var f = (float)factor;
        var f2 = (float)(factor * factor);
        for (var i = 0; i < image.PixelCount; i++)
        {
            image.Data[i] *= f;
            image.Variance[i] *= f2;
        }
    }

    /// <summary>
    /// Sets the variance of a raw frame from the detector noise model, in ADU²: read noise² +
    /// signal / gain, where signal is the value above <paramref name="bias"/> (never negative).
    /// Pixels at or above <paramref name="saturation"/> are flagged <see cref="MaskFlags.Saturated"/>.
    /// </summary>
    public static void SetRawVariance(FrameImage image, double readNoiseAdu, double gain, FrameImage? bias, double? saturation)
    {
        var rn2 = (float)(readNoiseAdu * readNoiseAdu);
        var inverseGain = (float)(1 / gain);
        var sat = saturation is { } s ? (float)s : float.PositiveInfinity;
        for (var i = 0; i < image.PixelCount; i++)
        {
            var raw = image.Data[i];
            var signal = raw - (bias?.Data[i] ?? 0);
            image.Variance[i] = rn2 + Math.Max(signal, 0) * inverseGain;
            if (raw >= sat) image.Mask[i] |= MaskFlags.Saturated;
            if (!float.IsFinite(raw)) image.Mask[i] |= MaskFlags.NoData;
        }
    }

    /// <summary>A deep copy (data, variance, mask, header).</summary>
    public static FrameImage Copy(FrameImage image)
        => new(image.Width, image.Height, (float[])image.Data.Clone(), (float[])image.Variance.Clone(), (ushort[])image.Mask.Clone(), image.Header.Clone(), image.Unit);

    private static void Check(FrameImage a, FrameImage b)
    {
        if (!a.SameShape(b)) throw new ArgumentException($"image is {a.ShapeText} but the calibration is {b.ShapeText}");
    }
}
