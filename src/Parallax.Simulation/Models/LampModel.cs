namespace Parallax.Simulation.Models;

/// <summary>A comparison (arc) lamp: its line list and brightness.</summary>
public sealed record LampModel
{
    /// <summary>Lamp name (LAMP and OBJECT of arc frames), e.g. HeNeAr.</summary>
    public string Name { get; init; } = "HeNeAr";

    /// <summary>Line list in IRAF format (wavelength in Angstrom first on each line, '#' comments), relative to the model file.</summary>
    public string Linelist { get; init; } = "";

    /// <summary>Electrons per second in one row of the slit for the brightest line; the others are fainter (synthetic strengths).</summary>
    public double PeakRate { get; init; } = 4000;

    internal void Validate()
    {
        ModelCheck.NotEmpty(Name, "spectrograph.lamps.name");
        ModelCheck.NotEmpty(Linelist, $"spectrograph.lamps[{Name}].linelist");
        ModelCheck.Positive(PeakRate, $"spectrograph.lamps[{Name}].peak_rate");
    }
}
