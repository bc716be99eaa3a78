using Parallax.Simulation.Plans;

namespace Parallax.Simulation.Night;

/// <summary>
/// Everything decided about one frame before it is rendered: what, when, where the telescope pointed and
/// where it truly pointed, the conditions. Drawn by the scheduler from the run's seed.
/// </summary>
public sealed record FrameSpec
{
    /// <summary>Running number in the night, from 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>File name in raw/.</summary>
    public required string FileName { get; init; }

    /// <summary>What the frame is.</summary>
    public required FrameKind Kind { get; init; }

    /// <summary>OBJECT.</summary>
    public required string Object { get; init; }

    /// <summary>Filter (imaging flats and objects), or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Exposure time, seconds.</summary>
    public required double Exptime { get; init; }

    /// <summary>Start of the exposure, UTC.</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>Commanded (header) pointing, degrees, or null with the telescope parked.</summary>
    public (double Ra, double Dec)? Pointing { get; init; }

    /// <summary>True pointing (the commanded one plus the pointing error), degrees.</summary>
    public (double Ra, double Dec)? TruePointing { get; init; }

    /// <summary>Airmass at mid-exposure (1 for parked calibrations).</summary>
    public double Airmass { get; init; } = 1;

    /// <summary>Hour angle at the start, degrees.</summary>
    public double HourAngle { get; init; }

    /// <summary>Local sidereal time at the start, degrees.</summary>
    public double SiderealTime { get; init; }

    /// <summary>Seeing FWHM in this frame, arcsec (sky frames).</summary>
    public double Seeing { get; init; }

    /// <summary>Flat kind: dome, twilight or lamp.</summary>
    public string? FlatKind { get; init; }

    /// <summary>Arc lamp name.</summary>
    public string? Lamp { get; init; }

    /// <summary>Twilight sky, electrons per second per unbinned pixel (twilight flats).</summary>
    public double SkyRate { get; init; }

    /// <summary>Science target (objects and standards).</summary>
    public ScienceBlock? Target { get; init; }

    /// <summary>Index of the target in the plan's science list (catalog of the field), or −1.</summary>
    public int TargetIndex { get; init; } = -1;

    /// <summary>Dither offset (east, north), arcsec.</summary>
    public (double East, double North) Dither { get; init; }

    /// <summary>End of the exposure, UTC.</summary>
    public DateTime EndUtc => StartUtc.AddSeconds(Exptime);

    /// <summary>IMAGETYP header value.</summary>
    public string ImageType => Kind switch
    {
        FrameKind.Bias => "BIAS",
        FrameKind.Dark => "DARK",
        FrameKind.Flat => "FLAT",
        FrameKind.Arc => "ARC",
        FrameKind.Standard => "STANDARD",
        _ => "OBJECT",
    };
}
