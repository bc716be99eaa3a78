using Parallax.Imaging;

namespace Parallax.Spectroscopy.Rectification;

/// <summary>
/// A 2-D spectrum resampled onto (wavelength, slit position): column j covers wavelengths
/// [<see cref="WavelengthStart"/> + j·<see cref="WavelengthStep"/>, + (j + 1)·step), row k covers slit positions
/// [k/<see cref="MaskedImage.Height"/>, (k + 1)/height). Data are flux per output pixel (flux conserved from the detector
/// pixels), variance and mask carried; <see cref="Coverage"/> says what fraction of each output pixel detector pixels
/// covered.
/// </summary>
public sealed class RectifiedSpectrum
{
    internal RectifiedSpectrum(MaskedImage image, float[] coverage, double wavelengthStart, double wavelengthStep)
    {
        Image = image;
        Coverage = coverage;
        WavelengthStart = wavelengthStart;
        WavelengthStep = wavelengthStep;
    }

    /// <summary>Data, variance and mask on the output grid; NaN data and <see cref="MaskBits.NoData"/> where no detector pixel fell, <see cref="MaskBits.Edge"/> where one fell only partly.</summary>
    public MaskedImage Image { get; }

    /// <summary>Fraction of each output pixel's area covered by usable detector pixels (1 inside the slit).</summary>
    public float[] Coverage { get; }

    /// <summary>Lower edge of the first column, Angstrom.</summary>
    public double WavelengthStart { get; }

    /// <summary>Angstrom per column.</summary>
    public double WavelengthStep { get; }

    /// <summary>Wavelength at the centre of column <paramref name="column"/>, Angstrom.</summary>
    public double Wavelength(double column) => WavelengthStart + (column + 0.5) * WavelengthStep;

    /// <summary>Fractional slit position at the centre of row <paramref name="row"/>.</summary>
    public double SlitPosition(double row) => (row + 0.5) / Image.Height;
}
