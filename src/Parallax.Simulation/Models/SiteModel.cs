namespace Parallax.Simulation.Models;

/// <summary>The observatory: where the telescope is, and its typical seeing.</summary>
public sealed record SiteModel
{
    /// <summary>Observatory name (OBSERVAT).</summary>
    public string Name { get; init; } = "Parallax Observatory";

    /// <summary>Geodetic latitude, degrees, north positive.</summary>
    public double Latitude { get; init; } = 31.9633;

    /// <summary>Longitude, degrees, east positive (west is negative).</summary>
    public double Longitude { get; init; } = -111.5997;

    /// <summary>Altitude above sea level, metres.</summary>
    public double Altitude { get; init; } = 2120;

    /// <summary>Median seeing FWHM at zenith, arcsec.</summary>
    public double Seeing { get; init; } = 1.1;

    /// <summary>Frame-to-frame fractional rms of the seeing.</summary>
    public double SeeingScatter { get; init; } = 0.1;

    internal void Validate()
    {
        ModelCheck.Range(Latitude, -90, 90, "site.latitude");
        ModelCheck.Range(Longitude, -360, 360, "site.longitude");
        ModelCheck.Positive(Seeing, "site.seeing");
        ModelCheck.Range(SeeingScatter, 0, 1, "site.seeing_scatter");
    }
}
