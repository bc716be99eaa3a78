using System.Numerics.Tensors;
using Parallax.Imaging;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// Flux-calibrates a counts spectrum: f_λ = (counts s⁻¹ Å⁻¹) × 10^(0.4 k(λ) X) / S(λ), in erg s⁻¹ cm⁻² Å⁻¹. The variance
/// (and the sky, when recorded) are scaled by the same factor (squared for the variance); the mask is carried. Where the
/// sensitivity is not defined (outside its fitted range) the flux and variance become NaN and the pixel is flagged
/// <see cref="MaskBits.NoData"/>.
/// </summary>
public static class FluxCalibrator
{
    /// <summary>Calibrates <paramref name="science"/> (electrons or electrons/s).</summary>
    /// <param name="science">The extracted spectrum.</param>
    /// <param name="sensitivity">The sensitivity from a standard star.</param>
    /// <param name="extinction">The site's extinction curve.</param>
    /// <param name="exposureTime">Exposure time in s; the spectrum's metadata when null.</param>
    /// <param name="airmass">Airmass; the spectrum's metadata when null.</param>
    /// <returns>A new spectrum in <see cref="SpectrumUnit.FluxDensity"/> with the same wavelengths, medium and metadata.</returns>
    /// <exception cref="ArgumentException">Not a counts spectrum, or its exposure time or airmass is unknown.</exception>
    public static Spectrum1D Calibrate(Spectrum1D science, SensitivityFunction sensitivity, ExtinctionCurve extinction, double? exposureTime = null, double? airmass = null)
    {
        ArgumentNullException.ThrowIfNull(science);
        ArgumentNullException.ThrowIfNull(sensitivity);
        ArgumentNullException.ThrowIfNull(extinction);
        var scale = CountRateScale.PerPixel(science, exposureTime, nameof(science));
        var x = CountRateScale.Airmass(science, airmass, nameof(science));
        var n = science.Length;
        // factor = scale × 10^(0.4 (k(λ) X − m(λ))): one vectorised exponential for the whole spectrum instead of two powers per pixel.
        var factor = new double[n];
        var m = new double[n];
        extinction.Evaluate(science.Wavelength, factor);
        sensitivity.Magnitudes(science.Wavelength, m);
        TensorPrimitives.Multiply(factor, x, factor);
        TensorPrimitives.Subtract(factor, m, factor);
        TensorPrimitives.Multiply(factor, 0.4 * Math.Log(10), factor);
        TensorPrimitives.Exp(factor, factor);
        TensorPrimitives.Multiply(factor, scale, factor);
        var flux = new float[n];
        var variance = new float[n];
        var mask = (ushort[])science.Mask.Clone();
        var sky = science.Sky is null ? null : new float[n];
        for (var i = 0; i < n; i++)
        {
            var f = factor[i];
            if (!double.IsFinite(f))
            {
                flux[i] = variance[i] = float.NaN;
                if (sky is not null) sky[i] = float.NaN;
                mask[i] |= (ushort)MaskBits.NoData;
                continue;
            }
            flux[i] = (float)(science.Flux[i] * f);
            variance[i] = (float)(science.Variance[i] * f * f);
            if (sky is not null) sky[i] = (float)(science.Sky![i] * f);
        }
        return new Spectrum1D((double[])science.Wavelength.Clone(), flux, variance, mask, sky, SpectrumUnit.FluxDensity, science.Medium, science.Metadata);
    }
}
