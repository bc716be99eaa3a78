namespace Parallax.Spectroscopy.Extraction;

/// <summary>
/// A spectrum extracted from a long-slit frame: one value per column (spectral pixel) of the frame, in the frame's units
/// (electrons per spectral pixel for a frame in electrons), not yet resampled or flux-calibrated. The wavelength of each
/// spectral pixel is the 2-D wavelength map's value at the trace; the map itself is kept so that a 1-D spectrum type can
/// be built from this one later.
/// </summary>
public sealed class ExtractedSpectrum
{
    internal ExtractedSpectrum(ExtractionMethod method, double[] flux, double[] variance, ushort[] mask, double[] sky, int[] pixelsUsed,
        double[] traceRow, double[] wavelength, float[] wavelengthMap)
    {
        Method = method;
        Flux = flux;
        Variance = variance;
        Mask = mask;
        Sky = sky;
        PixelsUsed = pixelsUsed;
        TraceRow = traceRow;
        Wavelength = wavelength;
        WavelengthMap = wavelengthMap;
    }

    /// <summary>How it was extracted.</summary>
    public ExtractionMethod Method { get; }

    /// <summary>Spectral pixels (the frame's columns).</summary>
    public int Length => Flux.Length;

    /// <summary>Object flux per spectral pixel, sky removed (NaN where no pixel was usable).</summary>
    public double[] Flux { get; }

    /// <summary>Variance of <see cref="Flux"/> (NaN where no pixel was usable).</summary>
    public double[] Variance { get; }

    /// <summary>
    /// <see cref="Parallax.Imaging.MaskBits"/> per spectral pixel: <see cref="Parallax.Imaging.MaskBits.NoData"/> where no pixel
    /// was usable; otherwise the bits of the aperture's pixels that were left out (masked or NaN), and
    /// <see cref="Parallax.Imaging.MaskBits.CosmicRay"/> where the optimal extraction rejected a pixel.
    /// </summary>
    public ushort[] Mask { get; }

    /// <summary>The sky removed from each spectral pixel, summed (boxcar) or profile-weighted (optimal) as the flux was.</summary>
    public double[] Sky { get; }

    /// <summary>Pixels that contributed to each spectral pixel.</summary>
    public int[] PixelsUsed { get; }

    /// <summary>Row of the trace at each column.</summary>
    public double[] TraceRow { get; }

    /// <summary>Wavelength at the trace at each column, Angstrom (the map interpolated along the slit; NaN where the map is).</summary>
    public double[] Wavelength { get; }

    /// <summary>The 2-D wavelength map used (Angstrom per pixel of the frame, row-major).</summary>
    public float[] WavelengthMap { get; }

    /// <summary>Flux over its standard deviation per spectral pixel (NaN where either is NaN).</summary>
    public double SignalToNoise(int column) => Flux[column] / Math.Sqrt(Variance[column]);
}
