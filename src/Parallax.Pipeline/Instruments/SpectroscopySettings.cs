namespace Parallax.Pipeline.Instruments;

/// <summary>
/// The <c>spectroscopy:</c> section of an instrument file: what the spectroscopic steps need to know before any
/// calibration is measured — the dispersion axis and a rough wavelength scale (the prior of the arc identification),
/// and the comparison-lamp line lists.
/// </summary>
public sealed record SpectroscopySettings
{
    /// <summary>1: wavelength along NAXIS1 (x); 2: along NAXIS2 (y).</summary>
    public int DispersionAxis { get; init; } = 1;

    /// <summary>Approximate wavelength at the central column of the trimmed, unbinned detector, Angstrom.</summary>
    public double CentralWavelength { get; init; }

    /// <summary>Approximate mean dispersion, Angstrom per unbinned pixel; negative when wavelength falls with the pixel index.</summary>
    public double Dispersion { get; init; }

    /// <summary>How far the true central wavelength may be from <see cref="CentralWavelength"/>, Angstrom (default 100).</summary>
    public double WavelengthTolerance { get; init; } = 100;

    /// <summary>How far the true mean dispersion may be from <see cref="Dispersion"/>, as a fraction (default 0.1).</summary>
    public double DispersionTolerance { get; init; } = 0.1;

    /// <summary>Line-list files of the comparison lamps (IRAF format), relative to the instrument file's folder.</summary>
    public IReadOnlyList<string> LineLists { get; init; } = [];

    /// <summary>"air" or "vacuum": the medium of the line lists' wavelengths and so of the solutions (default air).</summary>
    public string Medium { get; init; } = "air";
}
