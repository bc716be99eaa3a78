namespace Parallax.Simulation.Models;

/// <summary>What an instrument model describes.</summary>
public enum InstrumentKind
{
    /// <summary>A direct CCD imager with filters.</summary>
    Imager,

    /// <summary>A long-slit spectrograph.</summary>
    Longslit,
}
