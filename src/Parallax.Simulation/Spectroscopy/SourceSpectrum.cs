namespace Parallax.Simulation.Spectroscopy;

/// <summary>
/// The spectrum of a science point source: a black body of the given temperature, scaled to an AB magnitude
/// at 5500 Angstrom, with Gaussian absorption lines of a late-type star (Ca II K and H, Balmer Hδ–Hα, Mg b,
/// Na D). f_λ in erg s⁻¹ cm⁻² Å⁻¹.
/// </summary>
internal sealed class SourceSpectrum
{
    /// <summary>(centre Angstrom, fractional depth, sigma Angstrom).</summary>
    public static readonly (double Wavelength, double Depth, double Sigma)[] AbsorptionLines =
    [
        (3933.66, 0.60, 6), (3968.47, 0.55, 6), (4101.74, 0.35, 5), (4340.47, 0.35, 5), (4861.33, 0.35, 5),
        (5175.0, 0.20, 4), (5892.9, 0.30, 3), (6562.80, 0.35, 5),
    ];

    private readonly double _temperature;
    private readonly double _scale;

    public SourceSpectrum(double temperature, double abMagnitude)
    {
        _temperature = temperature;
        _scale = Photometry.FlambdaFromAb(abMagnitude, 5500) / Photometry.BlackbodyShape(5500, temperature);
    }

    /// <summary>f_λ at a wavelength.</summary>
    public double Flambda(double wavelength)
    {
        var f = _scale * Photometry.BlackbodyShape(wavelength, _temperature);
        foreach (var (w, depth, sigma) in AbsorptionLines)
        {
            var d = (wavelength - w) / sigma;
            if (Math.Abs(d) < 6) f *= 1 - depth * Math.Exp(-0.5 * d * d);
        }
        return f;
    }
}
