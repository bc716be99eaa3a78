namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// What the instrument file says about the wavelength scale before any arc is measured: the wavelength at the
/// central column and the mean dispersion. The sign of the dispersion gives the direction (negative: wavelength falls
/// as the column rises). Used only to bound the search of <see cref="ArcIdentifier"/>.
/// </summary>
/// <param name="CentralWavelength">Wavelength at the central column ((columns − 1)/2), Angstrom.</param>
/// <param name="Dispersion">Mean dispersion, Angstrom per pixel of the spectrum (signed).</param>
/// <param name="WavelengthTolerance">How far the true central wavelength may be from <paramref name="CentralWavelength"/>, Angstrom.</param>
/// <param name="DispersionTolerance">How far the true mean dispersion may be from <paramref name="Dispersion"/>, as a fraction of it.</param>
public sealed record WavelengthPrior(double CentralWavelength, double Dispersion, double WavelengthTolerance, double DispersionTolerance)
{
    /// <summary>The same prior on a spectrum binned by <paramref name="binning"/> pixels along the dispersion.</summary>
    public WavelengthPrior Binned(int binning) => this with { Dispersion = Dispersion * binning };

    /// <summary>Checks the fields.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(CentralWavelength > 0)) throw new ArgumentException($"central wavelength {CentralWavelength} must be positive");
        if (!(Math.Abs(Dispersion) > 0) || !double.IsFinite(Dispersion)) throw new ArgumentException($"dispersion {Dispersion} must be non-zero");
        if (!(WavelengthTolerance >= 0)) throw new ArgumentException($"wavelength tolerance {WavelengthTolerance} must not be negative");
        if (!(DispersionTolerance is >= 0 and < 1)) throw new ArgumentException($"dispersion tolerance {DispersionTolerance} must be in 0..1");
    }
}
