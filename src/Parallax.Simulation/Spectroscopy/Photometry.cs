namespace Parallax.Simulation.Spectroscopy;

/// <summary>Flux units and black bodies. Wavelengths in Angstrom, f_λ in erg s⁻¹ cm⁻² Å⁻¹.</summary>
internal static class Photometry
{
    /// <summary>Speed of light, Angstrom per second.</summary>
    public const double SpeedOfLight = 2.99792458e18;

    /// <summary>Planck constant × speed of light, erg Angstrom (photon energy = this / λ).</summary>
    public const double PlanckTimesC = 1.98644586e-8;

    /// <summary>f_λ of an AB magnitude at a wavelength: f_ν = 10^(−0.4 (m + 48.60)), f_λ = f_ν c / λ².</summary>
    public static double FlambdaFromAb(double abMagnitude, double wavelength)
        => Math.Pow(10, -0.4 * (abMagnitude + 48.60)) * SpeedOfLight / (wavelength * wavelength);

    /// <summary>Photons per second per cm² per Angstrom of a flux density.</summary>
    public static double Photons(double flambda, double wavelength) => flambda * wavelength / PlanckTimesC;

    /// <summary>Planck's B_λ(T) up to a constant (shape only).</summary>
    public static double BlackbodyShape(double wavelength, double temperature)
    {
        var cm = wavelength * 1e-8;
        return 1 / (Math.Pow(cm, 5) * (Math.Exp(1.4387769 / (cm * temperature)) - 1));
    }

    /// <summary>Standard normal cumulative distribution.</summary>
    public static double Phi(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    /// <summary>Error function (Abramowitz &amp; Stegun 7.1.26, absolute error below 1.5e−7).</summary>
    public static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
