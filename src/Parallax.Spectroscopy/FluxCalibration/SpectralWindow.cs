namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>A wavelength interval [Start, End] in Å, with what it is (a stellar line, a telluric band).</summary>
/// <param name="Start">Blue end, Å.</param>
/// <param name="End">Red end, Å.</param>
/// <param name="Label">What lies there.</param>
public readonly record struct SpectralWindow(double Start, double End, string Label)
{
    /// <summary>True when [lo, hi] overlaps the window (touching counts).</summary>
    public bool Overlaps(double lo, double hi) => hi >= Start && lo <= End;
}
