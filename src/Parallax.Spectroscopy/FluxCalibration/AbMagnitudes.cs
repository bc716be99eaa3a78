namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>AB magnitudes and flux densities: f_ν = 10^(−0.4 (m + 48.60)) erg s⁻¹ cm⁻² Hz⁻¹, f_λ = f_ν c / λ² (λ in Ångström).</summary>
public static class AbMagnitudes
{
    /// <summary>Speed of light in Ångström per second.</summary>
    public const double SpeedOfLight = 2.99792458e18;

    /// <summary>Planck's constant × the speed of light in erg Å: a photon of wavelength λ carries this / λ erg.</summary>
    public const double PlanckTimesC = 1.98644586e-8;

    /// <summary>f_λ (erg s⁻¹ cm⁻² Å⁻¹) of an AB magnitude at a wavelength (Å). NaN in, NaN out.</summary>
    public static double ToFlambda(double abMagnitude, double wavelength)
        => Math.Pow(10, -0.4 * (abMagnitude + 48.60)) * SpeedOfLight / (wavelength * wavelength);

    /// <summary>The AB magnitude of f_λ (erg s⁻¹ cm⁻² Å⁻¹) at a wavelength (Å); NaN for f_λ ≤ 0.</summary>
    public static double FromFlambda(double flambda, double wavelength)
        => flambda > 0 ? -2.5 * Math.Log10(flambda * wavelength * wavelength / SpeedOfLight) - 48.60 : double.NaN;
}
