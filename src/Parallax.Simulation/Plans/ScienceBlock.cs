using Parallax.Simulation.Models;

namespace Parallax.Simulation.Plans;

/// <summary>
/// Exposures of one target: a star field for an imager (a synthetic catalog around RA/DEC), a point
/// source or a spectrophotometric standard for a spectrograph.
/// </summary>
public sealed record ScienceBlock
{
    /// <summary>Target name (OBJECT). For a spectrograph standard, a name from the model's standards.</summary>
    public string Object { get; init; } = "";

    /// <summary><c>object</c> or <c>standard</c> (IMAGETYP).</summary>
    public string Type { get; init; } = "object";

    /// <summary>Right ascension of the target (J2000), degrees; a standard's own position when omitted.</summary>
    public double? Ra { get; init; }

    /// <summary>Declination of the target (J2000), degrees.</summary>
    public double? Dec { get; init; }

    /// <summary>Filters, imaging only; each gets <see cref="Count"/> exposures.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>Exposure time, seconds.</summary>
    public double Exptime { get; init; } = 60;

    /// <summary>Exposures (per filter).</summary>
    public int Count { get; init; } = 1;

    /// <summary>Dither step, arcsec: exposures cycle through a five-point pattern of this size.</summary>
    public double Dither { get; init; }

    /// <summary>Stars per square degree brighter than <see cref="FaintLimit"/> (imaging).</summary>
    public double StarDensity { get; init; } = 8000;

    /// <summary>Brightest catalog magnitude, V (imaging).</summary>
    public double BrightLimit { get; init; } = 12;

    /// <summary>Faintest catalog magnitude, V (imaging).</summary>
    public double FaintLimit { get; init; } = 22;

    /// <summary>Number of Sérsic galaxies in the field (imaging).</summary>
    public int Galaxies { get; init; } = 6;

    /// <summary>Source temperature, K: a blackbody with Balmer, Ca II, Mg b and Na D absorption (spectroscopy).</summary>
    public double Temperature { get; init; } = 6000;

    /// <summary>Source magnitude, AB at 5500 Angstrom (spectroscopy).</summary>
    public double Magnitude { get; init; } = 17;

    /// <summary>Position of the source along the slit from its centre, arcsec (spectroscopy).</summary>
    public double SlitOffset { get; init; }

    internal void Validate(InstrumentModel model, string where)
    {
        ModelCheck.NotEmpty(Object, $"{where}.object");
        if (Type is not ("object" or "standard")) throw new InvalidModelException($"{where}.type must be object or standard, not '{Type}'");
        ModelCheck.Positive(Exptime, $"{where}.exptime");
        ModelCheck.Range(Count, 0, 10000, $"{where}.count");
        ModelCheck.NonNegative(Dither, $"{where}.dither");
        if (Ra is { } ra) ModelCheck.Range(ra, 0, 360, $"{where}.ra");
        if (Dec is { } dec) ModelCheck.Range(dec, -90, 90, $"{where}.dec");
        if (model.Kind == InstrumentKind.Imager)
        {
            if (Ra is null || Dec is null) throw new InvalidModelException($"{where}: an imaging target needs ra and dec");
            if (Filters.Count == 0) throw new InvalidModelException($"{where}: an imaging target needs filters");
            foreach (var f in Filters) model.Filter(f, where);
            ModelCheck.NonNegative(StarDensity, $"{where}.star_density");
            if (FaintLimit <= BrightLimit) throw new InvalidModelException($"{where}: faint_limit must be fainter (larger) than bright_limit");
            ModelCheck.Range(Galaxies, 0, 10000, $"{where}.galaxies");
        }
        else
        {
            if (Type == "standard") model.Standard(Object, where);
            else if (Ra is null || Dec is null) throw new InvalidModelException($"{where}: a target needs ra and dec");
            ModelCheck.Positive(Temperature, $"{where}.temperature");
        }
    }
}
