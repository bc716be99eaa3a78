using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// Turns a counts spectrum into electrons s⁻¹ Å⁻¹: divides each pixel by the exposure time (for <see cref="SpectrumUnit.Electron"/>)
/// and by its width in Å. The exposure time and airmass come from the spectrum's metadata unless given.
/// </summary>
internal static class CountRateScale
{
    /// <summary>The factor taking each pixel to electrons s⁻¹ Å⁻¹.</summary>
    /// <exception cref="ArgumentException">A flux-density spectrum, or an electron spectrum without a positive exposure time.</exception>
    public static double[] PerPixel(Spectrum1D spectrum, double? exposureTime, string parameter)
    {
        var seconds = spectrum.Unit switch
        {
            SpectrumUnit.Electron => exposureTime ?? spectrum.Metadata.ExposureTime,
            SpectrumUnit.ElectronPerSecond => 1.0,
            _ => throw new ArgumentException($"the spectrum is already in {Spectrum1DFits.UnitName(spectrum.Unit)}: counts (electron or electron/s) are needed", parameter),
        };
        if (!(seconds > 0) || !double.IsFinite(seconds))
            throw new ArgumentException($"the spectrum of {spectrum.Metadata.Object ?? "an unnamed object"} is in electrons but its exposure time ({seconds} s) is not positive: give EXPTIME", parameter);
        var widths = spectrum.PixelWidths();
        var scale = new double[widths.Length];
        for (var i = 0; i < scale.Length; i++) scale[i] = 1 / (seconds * widths[i]);
        return scale;
    }

    /// <summary>The airmass to use: the given one, else the metadata's.</summary>
    /// <exception cref="ArgumentException">No finite airmass ≥ 1 is known.</exception>
    public static double Airmass(Spectrum1D spectrum, double? airmass, string parameter)
    {
        var x = airmass ?? spectrum.Metadata.Airmass;
        if (!(x >= 1) || !double.IsFinite(x))
            throw new ArgumentException($"the spectrum of {spectrum.Metadata.Object ?? "an unnamed object"} has airmass {x}: a finite airmass ≥ 1 is needed for the extinction correction (give AIRMASS)", parameter);
        return x;
    }
}
