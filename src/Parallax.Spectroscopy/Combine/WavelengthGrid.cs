using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Combine;

/// <summary>Wavelength grids (pixel centres, Å, ascending) to resample spectra onto.</summary>
public static class WavelengthGrid
{
    /// <summary>Centres start, start + step, … up to and including the last ≤ end (+ 1e-9 step for rounding).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive or non-finite step, or end below start.</exception>
    public static double[] Linear(double start, double end, double step)
    {
        if (!(step > 0) || !double.IsFinite(step)) throw new ArgumentOutOfRangeException(nameof(step), $"step {step} Å must be positive and finite");
        if (!(end >= start) || !double.IsFinite(start) || !double.IsFinite(end)) throw new ArgumentOutOfRangeException(nameof(end), $"range {start}..{end} Å is empty or not finite");
        var n = (int)Math.Floor((end - start) / step + 1e-9) + 1;
        var grid = new double[n];
        for (var i = 0; i < n; i++) grid[i] = start + i * step;
        return grid;
    }

    /// <summary>
    /// A linear grid over the union of the spectra's ranges (first to last centre) with the finest of their median pixel
    /// widths, so that no input is undersampled.
    /// </summary>
    /// <exception cref="ArgumentException">No spectrum, or one with fewer than two pixels.</exception>
    public static double[] Common(IReadOnlyList<Spectrum1D> spectra)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        if (spectra.Count == 0) throw new ArgumentException("no spectrum to build a grid for", nameof(spectra));
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity, step = double.PositiveInfinity;
        foreach (var s in spectra)
        {
            if (s.Length < 2) throw new ArgumentException($"a spectrum of {s.Length} pixel(s) has no pixel width", nameof(spectra));
            lo = Math.Min(lo, s.Wavelength[0]);
            hi = Math.Max(hi, s.Wavelength[^1]);
            var widths = s.PixelWidths();
            Array.Sort(widths);
            step = Math.Min(step, widths[widths.Length / 2]);
        }
        return Linear(lo, hi, step);
    }
}
