using Parallax.Imaging;
using Parallax.Spectroscopy.Tracing;

namespace Parallax.Spectroscopy.Extraction;

/// <summary>
/// Optimal extraction after Horne (1986). The spatial profile P(x, y) is built from the sky-subtracted data itself: at
/// each row, the data summed over <see cref="ExtractionOptions.ProfileSmoothing"/> columns divided by the boxcar fluxes
/// of the same columns (a flux-weighted average of the normalised profile, which stays finite where the object is faint),
/// normalised over each column's window and then clipped at zero. The flux is then
/// f = Σ M P (D − S)/V ÷ Σ M P²/V with variance Σ M P ÷ Σ M P²/V, V from the variance model (see
/// <see cref="ExtractionOptions.ModelVariance"/>), rejecting the worst pixel more than <see cref="ExtractionOptions.RejectSigma"/>
/// above the scaled profile one at a time (cosmic rays; low pixels are defects the mask should hold); the profile is rebuilt twice without the rejected pixels and the extraction repeated.
/// The mask M leaves out NaN and <see cref="MaskBits.Unusable"/> pixels; the profile still counts them, so a masked pixel
/// costs signal-to-noise, not flux.
/// </summary>
public static class OptimalExtractor
{
    /// <summary>Extracts the object on <paramref name="trace"/>.</summary>
    /// <param name="frame">The frame with its sky (electrons), dispersion along x.</param>
    /// <param name="sky">The sky model of every pixel (<see cref="Sky.SkyModel.Sky"/>), same units.</param>
    /// <param name="trace">The object's trace.</param>
    /// <param name="wavelengthMap">Angstrom at every pixel (row-major as the frame).</param>
    /// <param name="options">Window, smoothing, rejection; <see cref="ExtractionOptions.Default"/> when null.</param>
    public static ExtractedSpectrum Extract(MaskedImage frame, float[] sky, ObjectTrace trace, float[] wavelengthMap, ExtractionOptions? options = null)
    {
        options ??= ExtractionOptions.Default;
        options.Validate();
        TraceSampling.Check(frame, sky, wavelengthMap);
        var (w, h) = (frame.Width, frame.Height);
        var half = options.ProfileHalfWidth > 0 ? options.ProfileHalfWidth : Math.Max(4, 3 * trace.Fwhm);
        var (rows, wavelengths) = TraceSampling.Sample(trace, wavelengthMap, w, h);
        var window = new ExtractionWindow(rows, half, h);
        var usable = new bool[window.Size];
        var residual = new double[window.Size];
        window.Fill(frame, sky, usable, residual);
        var profile = new double[window.Size];
        var flux = new double[w];
        var variance = new double[w];
        var skyFlux = new double[w];
        var used = new int[w];
        var rejected = new bool[w];
        // Pass 0 builds the profile from boxcar sums, cosmic rays included, and finds them; later passes rebuild it
        // without the rejected pixels, normalised by the previous pass's fluxes (a column that lost its peak pixel
        // would otherwise under-weight its other rows).
        var masked = (bool[])usable.Clone();
        for (var pass = 0; pass < 3; pass++)
        {
            window.BuildProfile(residual, usable, options.ProfileSmoothing, profile, pass == 0 ? null : (double[])flux.Clone());
            // Each pass rejects afresh against its own profile: a rejection made against the first, cosmic-ray-laden
            // profile may have been a good pixel.
            masked.CopyTo(usable, 0);
            Array.Clear(rejected);
            Parallel.For(0, w, x => Column(frame, sky, window, x, residual, usable, profile, options, flux, variance, skyFlux, used, rejected));
        }
        var mask = new ushort[w];
        for (var x = 0; x < w; x++)
        {
            if (used[x] == 0) { flux[x] = variance[x] = skyFlux[x] = double.NaN; mask[x] = (ushort)MaskBits.NoData; continue; }
            ushort bits = rejected[x] ? (ushort)MaskBits.CosmicRay : (ushort)0;
            for (var y = window.First[x]; y <= window.Last[x]; y++)
            {
                var i = y * w + x;
                if ((frame.Mask[i] & (ushort)MaskBits.Unusable) != 0 || !float.IsFinite(frame.Data[i])) bits |= frame.Mask[i];
            }
            mask[x] = bits;
        }
        return new ExtractedSpectrum(ExtractionMethod.Optimal, flux, variance, mask, skyFlux, used, rows, wavelengths, wavelengthMap);
    }

    private static void Column(MaskedImage frame, float[] sky, ExtractionWindow window, int x, double[] residual, bool[] usable, double[] profile,
        ExtractionOptions options, double[] flux, double[] variance, double[] skyFlux, int[] used, bool[] rejected)
    {
        var w = frame.Width;
        var offset = window.Offset[x];
        var count = window.Last[x] - window.First[x] + 1;
        // Start from the boxcar over the window, then iterate Horne's weights and the one-at-a-time rejection.
        double f = 0;
        for (var k = 0; k < count; k++) if (usable[offset + k]) f += residual[offset + k];
        double var = double.NaN, s = double.NaN;
        var n = 0;
        for (var iteration = 0; iteration <= options.MaxIterations; iteration++)
        {
            double num = 0, den = 0, pSum = 0, skyNum = 0;
            n = 0;
            for (var k = 0; k < count; k++)
            {
                if (!usable[offset + k]) continue;
                var p = profile[offset + k];
                var i = (window.First[x] + k) * w + x;
                var v = Variance(frame, i, f * p + sky[i], options.ModelVariance);
                if (!(v > 0)) continue;
                num += p * residual[offset + k] / v;
                den += p * p / v;
                pSum += p;
                skyNum += p * sky[i] / v;
                n++;
            }
            if (n == 0 || !(den > 0)) { n = 0; break; }
            var next = num / den;
            var = pSum / den;
            s = skyNum / den;
            // The worst outlier about the new fit, if beyond the threshold, leaves and the column is fitted again.
            var worst = -1;
            double worstChi = options.RejectSigma * options.RejectSigma;
            for (var k = 0; k < count; k++)
            {
                if (!usable[offset + k]) continue;
                var i = (window.First[x] + k) * w + x;
                var v = Variance(frame, i, next * profile[offset + k] + sky[i], options.ModelVariance);
                var r = residual[offset + k] - next * profile[offset + k];
                // Upward only: a flux pulled high by a cosmic ray would otherwise reject the object's own wings first.
                if (r <= 0) continue;
                var chi = r * r / v;
                if (chi > worstChi) { worstChi = chi; worst = k; }
            }
            var converged = Math.Abs(next - f) <= 1e-6 * Math.Max(1, Math.Abs(next));
            f = next;
            if (worst >= 0) { usable[offset + worst] = false; rejected[x] = true; continue; }
            if (converged) break;
        }
        flux[x] = f;
        variance[x] = var;
        skyFlux[x] = s;
        used[x] = n;
    }

    private static double Variance(MaskedImage frame, int i, double model, bool modelVariance)
    {
        var v = frame.Variance[i];
        if (!modelVariance) return v;
        var m = v - Math.Max(frame.Data[i], 0) + Math.Max(model, 0);
        return Math.Max(m, 0.05 * v);
    }
}
