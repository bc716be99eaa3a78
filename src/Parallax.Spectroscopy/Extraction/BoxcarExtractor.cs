using Parallax.Imaging;
using Parallax.Spectroscopy.Tracing;

namespace Parallax.Spectroscopy.Extraction;

/// <summary>
/// Boxcar extraction: at each column, the sky-subtracted pixels within ± half-width of the trace are summed, the end
/// pixels weighted by the fraction of them inside the aperture; variances add with the squared weights. NaN and
/// <see cref="MaskBits.Unusable"/> pixels are left out (not replaced), their bits go into the spectrum's mask, and
/// <see cref="ExtractedSpectrum.PixelsUsed"/> says how many pixels were summed.
/// </summary>
public static class BoxcarExtractor
{
    /// <summary>Extracts the object on <paramref name="trace"/>.</summary>
    /// <param name="frame">The frame with its sky (electrons), dispersion along x.</param>
    /// <param name="sky">The sky model of every pixel (<see cref="Sky.SkyModel.Sky"/>), same units.</param>
    /// <param name="trace">The object's trace.</param>
    /// <param name="wavelengthMap">Angstrom at every pixel (row-major as the frame).</param>
    /// <param name="options">Aperture; <see cref="ExtractionOptions.Default"/> when null.</param>
    public static ExtractedSpectrum Extract(MaskedImage frame, float[] sky, ObjectTrace trace, float[] wavelengthMap, ExtractionOptions? options = null)
    {
        options ??= ExtractionOptions.Default;
        options.Validate();
        TraceSampling.Check(frame, sky, wavelengthMap);
        var (w, h) = (frame.Width, frame.Height);
        var half = options.BoxcarHalfWidth > 0 ? options.BoxcarHalfWidth : 1.5 * trace.Fwhm;
        var (rows, wavelengths) = TraceSampling.Sample(trace, wavelengthMap, w, h);
        var flux = new double[w];
        var variance = new double[w];
        var mask = new ushort[w];
        var skySum = new double[w];
        var used = new int[w];
        Parallel.For(0, w, x =>
        {
            var low = rows[x] - half;
            var high = rows[x] + half;
            double f = 0, v = 0, s = 0;
            var n = 0;
            ushort bits = 0;
            for (var y = Math.Max(0, (int)Math.Floor(low + 0.5)); y <= Math.Min(h - 1, (int)Math.Floor(high + 0.5)); y++)
            {
                var weight = Math.Min(high, y + 0.5) - Math.Max(low, y - 0.5);
                if (weight <= 1e-9) continue;
                var i = y * w + x;
                var d = frame.Data[i];
                var m = frame.Mask[i];
                if (!float.IsFinite(d) || !float.IsFinite(sky[i]) || (m & (ushort)MaskBits.Unusable) != 0)
                {
                    bits |= (ushort)(m | (float.IsFinite(d) && float.IsFinite(sky[i]) ? 0 : (ushort)MaskBits.NoData));
                    continue;
                }
                f += weight * (d - sky[i]);
                v += weight * weight * frame.Variance[i];
                s += weight * sky[i];
                n++;
            }
            used[x] = n;
            if (n == 0) { flux[x] = variance[x] = skySum[x] = double.NaN; mask[x] = (ushort)MaskBits.NoData; return; }
            flux[x] = f;
            variance[x] = v;
            skySum[x] = s;
            mask[x] = bits;
        });
        return new ExtractedSpectrum(ExtractionMethod.Boxcar, flux, variance, mask, skySum, used, rows, wavelengths, wavelengthMap);
    }
}
