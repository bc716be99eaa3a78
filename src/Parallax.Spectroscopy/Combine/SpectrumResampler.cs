using Parallax.Imaging;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Combine;

/// <summary>
/// Flux-conserving resampling of a spectrum onto new pixels (as SpectRes or specutils' FluxConservingResampler): each output
/// pixel takes the mean flux density of the input pixels it overlaps, weighted by the overlap in Å. Counts spectra
/// (electron, electron/s per pixel) are turned into densities (÷ input width) and back (× output width), so the total
/// counts over any range of whole pixels are kept; flux densities are averaged as they are. Variances add with the squared
/// weights (the covariance that resampling creates between neighbouring output pixels is not recorded). Unusable input
/// pixels are left out and the remaining overlap renormalised; an output pixel covered less than
/// <c>minimumCoverage</c> by usable input is NaN and flagged NoData, one partly covered is flagged Edge; the other bits of
/// contributing pixels are ORed in.
/// </summary>
public static class SpectrumResampler
{
    /// <summary>Resamples <paramref name="spectrum"/> onto pixels centred on <paramref name="grid"/>.</summary>
    /// <param name="spectrum">The input (at least two pixels).</param>
    /// <param name="grid">Output pixel centres, Å, strictly ascending (edges as in <see cref="Spectrum1D.BinEdges"/>).</param>
    /// <param name="minimumCoverage">Fraction (0, 1] of an output pixel that usable input must cover. Default 0.5.</param>
    /// <returns>A new spectrum on the grid with the input's unit, medium and metadata.</returns>
    /// <exception cref="ArgumentException">Fewer than two input pixels, or a grid that is not strictly ascending.</exception>
    public static Spectrum1D Resample(Spectrum1D spectrum, double[] grid, double minimumCoverage = 0.5)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(grid);
        if (spectrum.Length < 2) throw new ArgumentException($"a spectrum of {spectrum.Length} pixel(s) cannot be resampled", nameof(spectrum));
        if (!(minimumCoverage > 0 && minimumCoverage <= 1)) throw new ArgumentOutOfRangeException(nameof(minimumCoverage), $"minimum coverage {minimumCoverage} must lie in (0, 1]");
        var m = grid.Length;
        var flux = new float[m];
        var variance = new float[m];
        var mask = new ushort[m];
        var sky = spectrum.Sky is null ? null : new float[m];
        var output = new Spectrum1D(grid, flux, variance, mask, sky, spectrum.Unit, spectrum.Medium, spectrum.Metadata);
        Resample(spectrum, output.BinEdges(), flux, variance, mask, sky, minimumCoverage);
        return output;
    }

    /// <summary>The kernel: fills the output arrays for output pixels bounded by <paramref name="outEdges"/> (length m + 1).</summary>
    internal static void Resample(Spectrum1D spectrum, ReadOnlySpan<double> outEdges, Span<float> flux, Span<float> variance, Span<ushort> mask, Span<float> sky, double minimumCoverage)
    {
        var inEdges = spectrum.BinEdges();
        var n = spectrum.Length;
        var m = outEdges.Length - 1;
        var counts = spectrum.Unit != SpectrumUnit.FluxDensity;
        var hasSky = spectrum.Sky is not null && !sky.IsEmpty;
        // Per input pixel once: usable or not, and the factor to a density (1 / width for counts).
        var usable = new bool[n];
        var toDensity = new double[n];
        for (var k = 0; k < n; k++)
        {
            usable[k] = spectrum.IsUsable(k);
            toDensity[k] = counts ? 1 / (inEdges[k + 1] - inEdges[k]) : 1;
        }
        var j = 0;
        for (var i = 0; i < m; i++)
        {
            var (lo, hi) = (outEdges[i], outEdges[i + 1]);
            var width = hi - lo;
            while (j < n && inEdges[j + 1] <= lo) j++;
            double sw = 0, s = 0, sv = 0, ss = 0;
            ushort bits = 0;
            for (var k = j; k < n && inEdges[k] < hi; k++)
            {
                var overlap = Math.Min(hi, inEdges[k + 1]) - Math.Max(lo, inEdges[k]);
                if (overlap <= 0 || !usable[k]) continue;
                var d = toDensity[k];
                sw += overlap;
                s += overlap * spectrum.Flux[k] * d;
                sv += overlap * overlap * spectrum.Variance[k] * d * d;
                if (hasSky) ss += overlap * spectrum.Sky![k] * d;
                bits |= spectrum.Mask[k];
            }
            if (!(width > 0) || sw < minimumCoverage * width)
            {
                flux[i] = variance[i] = float.NaN;
                if (hasSky) sky[i] = float.NaN;
                mask[i] = (ushort)MaskBits.NoData;
                continue;
            }
            var back = counts ? width : 1;
            flux[i] = (float)(s / sw * back);
            variance[i] = (float)(sv / (sw * sw) * back * back);
            if (hasSky) sky[i] = (float)(ss / sw * back);
            mask[i] = (ushort)(bits & ~(ushort)MaskBits.Unusable);
            if (sw < width * (1 - 1e-9)) mask[i] |= (ushort)MaskBits.Edge;
        }
    }
}
