namespace Parallax.Simulation.Models;

/// <summary>One filter of the imager: throughput as a zero point, atmospheric extinction, sky and flat-lamp brightness.</summary>
public sealed record FilterModel
{
    /// <summary>Filter name (FILTER), also the catalog column of the magnitude used.</summary>
    public string Name { get; init; } = "V";

    /// <summary>Effective wavelength, Angstrom.</summary>
    public double Wavelength { get; init; } = 5500;

    /// <summary>Instrumental zero point: magnitude of a star giving 1 electron per second above the atmosphere.</summary>
    public double ZeroPoint { get; init; } = 25;

    /// <summary>Atmospheric extinction coefficient, magnitudes per airmass.</summary>
    public double Extinction { get; init; } = 0.15;

    /// <summary>Dark-sky surface brightness at zenith, magnitudes per arcsec².</summary>
    public double Sky { get; init; } = 21.5;

    /// <summary>Dome-lamp illumination, electrons per second per unbinned pixel (sets dome-flat exposure times).</summary>
    public double DomeFlatRate { get; init; } = 5000;

    internal void Validate()
    {
        ModelCheck.NotEmpty(Name, "filters.name");
        ModelCheck.Positive(Wavelength, $"filters[{Name}].wavelength");
        ModelCheck.Range(ZeroPoint, 10, 40, $"filters[{Name}].zero_point");
        ModelCheck.Range(Extinction, 0, 5, $"filters[{Name}].extinction");
        ModelCheck.Range(Sky, 10, 30, $"filters[{Name}].sky");
        ModelCheck.Positive(DomeFlatRate, $"filters[{Name}].dome_flat_rate");
    }
}
