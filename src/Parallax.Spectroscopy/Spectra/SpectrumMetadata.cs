namespace Parallax.Spectroscopy.Spectra;

/// <summary>What a spectrum is of and how it was taken. Unknown numbers are NaN.</summary>
public sealed record SpectrumMetadata
{
    /// <summary>No object name, exposure time or airmass known.</summary>
    public static SpectrumMetadata Unknown { get; } = new();

    /// <summary>Target name (OBJECT), or null.</summary>
    public string? Object { get; init; }

    /// <summary>Exposure time in seconds (EXPTIME); NaN when unknown. Needed to turn electrons into electrons per second.</summary>
    public double ExposureTime { get; init; } = double.NaN;

    /// <summary>Airmass at the middle of the exposure (AIRMASS); NaN when unknown. Needed for the extinction correction.</summary>
    public double Airmass { get; init; } = double.NaN;
}
