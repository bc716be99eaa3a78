using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Spectroscopy;

/// <summary>Parameters of <see cref="WavelengthCalibration"/>.</summary>
public sealed record WavelengthCalibrationParameters : DetectorParameters
{
    /// <summary>Expected FWHM of the arc lines along the dispersion, in (binned) pixels.</summary>
    [Parameter("Expected FWHM of the arc lines along the dispersion: the first guess of each line fit.", Minimum = 0.6, Maximum = 99, Unit = "pixel")]
    public double FwhmPixels { get; init; } = 3;

    /// <summary>Detection threshold of arc lines in units of the spectrum's noise.</summary>
    [Parameter("Minimum peak height of an arc line above the continuum, in units of the noise.", Minimum = 0.1, Maximum = 1000, Unit = "sigma")]
    public double Threshold { get; init; } = 5;

    /// <summary>Legendre order of the wavelength solution.</summary>
    [Parameter("Legendre order of the wavelength solution (wavelength against column).", Minimum = 1, Maximum = 10)]
    public int Order { get; init; } = 4;

    /// <summary>Half-width in rows of the band around the slit centre that is collapsed into the arc spectrum.</summary>
    [Parameter("Half-width of the band of rows around the slit centre collapsed into the arc spectrum (clipped mean).", Minimum = 0, Maximum = 500, Unit = "pixel")]
    public int HalfWidth { get; init; } = 5;

    /// <summary>Lamp line lists to use, by name (comma-separated); empty picks those of the frames' LAMP keyword, else every list.</summary>
    [Parameter("Line lists to use, by file name without extension, comma-separated (e.g. henear,cuar); empty picks the lists named like the frames' LAMP values, else all the instrument's lists.")]
    public string Lamps { get; init; } = "";

    /// <summary>QC limit: a solution whose rms exceeds this many pixels fails.</summary>
    [Parameter("A solution whose rms about the fit exceeds this many pixels is an algorithm failure.", Minimum = 0.001, Maximum = 100, Unit = "pixel")]
    public double RmsMaxPixels { get; init; } = 0.3;
}
