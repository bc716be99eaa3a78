using Parallax.Imaging;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Combine;

/// <summary>
/// Combines several 1-D spectra of one target: each is resampled onto a common grid (<see cref="SpectrumResampler"/>,
/// flux-conserving), optionally scaled to the first one's level (median ratio in the overlap), and at every pixel the
/// usable values are clipped and averaged with inverse-variance weights: x̄ = Σ x/σ² / Σ 1/σ², Var = 1 / Σ 1/σ² (an equal
/// weight mean, Var = Σσ²/N², when a variance is zero). Clipping: with three or more values, each one further than
/// <see cref="CoaddOptions.RejectionSigma"/> of its own σ from the centre — the median on the first pass, the weighted
/// mean of the survivors after — is rejected, until a pass rejects nothing. A pixel without usable input is NaN and
/// flagged NoData; otherwise the usable bits (Edge, Interpolated…) of the contributors are ORed in.
/// </summary>
public static class SpectrumCoadder
{
    /// <summary>Coadds the spectra.</summary>
    /// <param name="spectra">One or more spectra of one target, all in the same unit and medium; the first is the reference.</param>
    /// <param name="options">Grid, scaling and clipping; defaults when null.</param>
    /// <exception cref="ArgumentException">No spectrum, or units or media that differ.</exception>
    public static CoaddResult Coadd(IReadOnlyList<Spectrum1D> spectra, CoaddOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        options ??= new CoaddOptions();
        options.Validate();
        if (spectra.Count == 0) throw new ArgumentException("no spectrum to coadd", nameof(spectra));
        var reference = spectra[0];
        for (var k = 1; k < spectra.Count; k++)
        {
            if (spectra[k].Unit != reference.Unit) throw new ArgumentException($"spectrum {k} is in {Spectrum1DFits.UnitName(spectra[k].Unit)} but the first is in {Spectrum1DFits.UnitName(reference.Unit)}", nameof(spectra));
            if (spectra[k].Medium != reference.Medium) throw new ArgumentException($"spectrum {k} has {spectra[k].Medium} wavelengths but the first has {reference.Medium} wavelengths", nameof(spectra));
        }
        var grid = options.Grid ?? WavelengthGrid.Common(spectra);
        var resampled = spectra.Select(s => SpectrumResampler.Resample(s, grid, options.MinimumCoverage)).ToArray();
        var count = resampled.Length;
        var scales = new double[count];
        for (var k = 0; k < count; k++) scales[k] = options.Scale && k > 0 ? MedianRatio(resampled[0], resampled[k]) : 1;
        var m = grid.Length;
        var flux = new float[m];
        var variance = new float[m];
        var mask = new ushort[m];
        var hasSky = resampled.All(r => r.Sky is not null);
        var sky = hasSky ? new float[m] : null;
        var rejectedPixels = new int[count];
        var contributors = new int[m];
        var values = new double[count];
        var sigmas = new double[count];
        var inputs = new int[count];
        var keep = new bool[count];
        var sorted = new double[count];
        for (var i = 0; i < m; i++)
        {
            var used = 0;
            for (var k = 0; k < count; k++)
            {
                if (!resampled[k].IsUsable(i)) continue;
                values[used] = resampled[k].Flux[i] * scales[k];
                sigmas[used] = Math.Sqrt(resampled[k].Variance[i]) * scales[k];
                inputs[used] = k;
                keep[used] = true;
                used++;
            }
            if (used >= 3 && options.MaxIterations > 0) Clip(values.AsSpan(0, used), sigmas.AsSpan(0, used), keep.AsSpan(0, used), sorted, options);
            double sw = 0, s = 0, plainSum = 0, plainVar = 0, skySum = 0;
            var n = 0;
            var zeroVariance = false;
            ushort bits = 0;
            for (var u = 0; u < used; u++)
            {
                if (!keep[u])
                {
                    rejectedPixels[inputs[u]]++;
                    continue;
                }
                var w = 1 / (sigmas[u] * sigmas[u]);
                zeroVariance |= !double.IsFinite(w);
                sw += w;
                s += w * values[u];
                plainSum += values[u];
                plainVar += sigmas[u] * sigmas[u];
                var r = resampled[inputs[u]];
                if (hasSky) skySum += r.Sky![i] * scales[inputs[u]];
                bits |= r.Mask[i];
                n++;
            }
            contributors[i] = n;
            if (n == 0)
            {
                flux[i] = variance[i] = float.NaN;
                if (sky is not null) sky[i] = float.NaN;
                mask[i] = (ushort)MaskBits.NoData;
                continue;
            }
            (flux[i], variance[i]) = zeroVariance ? ((float)(plainSum / n), (float)(plainVar / ((double)n * n))) : ((float)(s / sw), (float)(1 / sw));
            if (sky is not null) sky[i] = (float)(skySum / n);
            mask[i] = (ushort)(bits & ~(ushort)MaskBits.Unusable);
        }
        var total = spectra.Sum(s => s.Metadata.ExposureTime);
        var spectrum = new Spectrum1D(grid, flux, variance, mask, sky, reference.Unit, reference.Medium, reference.Metadata);
        return new CoaddResult(spectrum, scales, rejectedPixels, contributors, total);
    }

    /// <summary>Iterative clipping of one pixel's values against each value's own σ (see the class remarks).</summary>
    internal static void Clip(ReadOnlySpan<double> values, ReadOnlySpan<double> sigmas, Span<bool> keep, Span<double> scratch, CoaddOptions options)
    {
        var n = values.Length;
        for (var pass = 0; pass < options.MaxIterations; pass++)
        {
            double centre;
            var alive = 0;
            if (pass == 0)
            {
                for (var u = 0; u < n; u++) scratch[u] = values[u];
                var part = scratch[..n];
                part.Sort();
                centre = n % 2 == 1 ? part[n / 2] : 0.5 * (part[n / 2 - 1] + part[n / 2]);
            }
            else
            {
                double sw = 0, s = 0;
                for (var u = 0; u < n; u++)
                {
                    if (!keep[u]) continue;
                    var w = sigmas[u] > 0 ? 1 / (sigmas[u] * sigmas[u]) : 1;
                    sw += w;
                    s += w * values[u];
                }
                centre = s / sw;
            }
            for (var u = 0; u < n; u++) alive += keep[u] ? 1 : 0;
            var rejected = false;
            for (var u = 0; u < n && alive > 1; u++)
            {
                if (!keep[u] || !(Math.Abs(values[u] - centre) > options.RejectionSigma * sigmas[u])) continue;
                keep[u] = false;
                alive--;
                rejected = true;
            }
            if (!rejected) break;
        }
    }

    /// <summary>Median of reference / other over pixels usable and positive in both; 1 when none is.</summary>
    private static double MedianRatio(Spectrum1D reference, Spectrum1D other)
    {
        var ratios = new List<double>(reference.Length);
        for (var i = 0; i < reference.Length; i++)
            if (reference.IsUsable(i) && other.IsUsable(i) && reference.Flux[i] > 0 && other.Flux[i] > 0)
                ratios.Add((double)reference.Flux[i] / other.Flux[i]);
        if (ratios.Count == 0) return 1;
        ratios.Sort();
        var c = ratios.Count;
        return c % 2 == 1 ? ratios[c / 2] : 0.5 * (ratios[c / 2 - 1] + ratios[c / 2]);
    }
}
