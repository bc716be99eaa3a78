namespace Parallax.Simulation.Models;

/// <summary>A spectrophotometric standard star and its flux table.</summary>
public sealed record StandardStarModel
{
    /// <summary>Name (OBJECT), e.g. "Feige 34".</summary>
    public string Name { get; init; } = "";

    /// <summary>IRAF onedstds table (wavelength Angstrom, AB magnitude, bandpass Angstrom), relative to the model file.</summary>
    public string File { get; init; } = "";

    /// <summary>Right ascension (J2000), degrees.</summary>
    public double Ra { get; init; }

    /// <summary>Declination (J2000), degrees.</summary>
    public double Dec { get; init; }

    internal void Validate()
    {
        ModelCheck.NotEmpty(Name, "spectrograph.standards.name");
        ModelCheck.NotEmpty(File, $"spectrograph.standards[{Name}].file");
        ModelCheck.Range(Ra, 0, 360, $"spectrograph.standards[{Name}].ra");
        ModelCheck.Range(Dec, -90, 90, $"spectrograph.standards[{Name}].dec");
    }
}
