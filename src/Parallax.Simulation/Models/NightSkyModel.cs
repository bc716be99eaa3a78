namespace Parallax.Simulation.Models;

/// <summary>The night-sky spectrum seen through the slit: a continuum and emission lines.</summary>
public sealed record NightSkyModel
{
    /// <summary>Continuum surface brightness, AB magnitudes per arcsec² (flat in f_ν).</summary>
    public double Continuum { get; init; } = 21.5;

    /// <summary>Sky-line list in IRAF format, relative to the model file.</summary>
    public string Lines { get; init; } = "";

    /// <summary>Electrons per second per unbinned row of the slit in the brightest (atomic) line; others are scaled (synthetic strengths).</summary>
    public double LineRate { get; init; } = 40;

    internal void Validate()
    {
        ModelCheck.Range(Continuum, 10, 30, "spectrograph.sky.continuum");
        ModelCheck.NonNegative(LineRate, "spectrograph.sky.line_rate");
    }
}
