namespace Parallax.Pipeline.Instruments;

/// <summary>What an instrument produces, which decides the recipes that apply to it.</summary>
public enum InstrumentKind
{
    /// <summary>A direct imager.</summary>
    Imaging,

    /// <summary>A long-slit spectrograph.</summary>
    LongSlit,

    /// <summary>A cross-dispersed echelle spectrograph.</summary>
    Echelle,
}
