using Parallax.Simulation.Plans;

namespace Parallax.Simulation.Models;

/// <summary>
/// A simulated instrument, as read from a YAML model file (see <c>instruments/simulation/</c>): the
/// detector, the site, and either imaging optics and filters or a spectrograph, plus the preset nights.
/// </summary>
public sealed record InstrumentModel
{
    /// <summary><c>imager</c> or <c>longslit</c>.</summary>
    public InstrumentKind Kind { get; init; }

    /// <summary>Model name (what <c>--instrument</c> takes).</summary>
    public string Name { get; init; } = "";

    /// <summary>INSTRUME header value.</summary>
    public string Instrume { get; init; } = "";

    /// <summary>TELESCOP header value.</summary>
    public string Telescope { get; init; } = "";

    /// <summary>Raw files are named &lt;prefix&gt;&lt;yyyymmdd&gt;_&lt;nnnn&gt;.fits.</summary>
    public string FilePrefix { get; init; } = "sim";

    /// <summary>The observatory.</summary>
    public SiteModel Site { get; init; } = new();

    /// <summary>The detector.</summary>
    public DetectorModel Detector { get; init; } = new();

    /// <summary>Imaging optics (imagers only).</summary>
    public OpticsModel? Optics { get; init; }

    /// <summary>Filters (imagers only).</summary>
    public IReadOnlyList<FilterModel> Filters { get; init; } = [];

    /// <summary>The spectrograph (long-slit only).</summary>
    public SpectrographModel? Spectrograph { get; init; }

    /// <summary>Preset nights by name (small, standard, large).</summary>
    public IReadOnlyDictionary<string, NightPlan> Presets { get; init; } = new Dictionary<string, NightPlan>();

    /// <summary>Where the model was read from (a path, or "built-in:NAME"); relative data files are found beside it.</summary>
    public string Source { get; init; } = "";

    /// <summary>Field of view along x and y, arcmin (imagers), from the detector size and pixel scale.</summary>
    public (double X, double Y) FieldOfView => Optics is null ? (0, 0)
        : (Detector.Columns * Optics.PixelScale / 60, Detector.Rows * Optics.PixelScale / 60);

    /// <summary>Checks every field and the consistency between sections and presets.</summary>
    /// <exception cref="InvalidModelException">The first problem found, naming the field.</exception>
    public void Validate()
    {
        ModelCheck.NotEmpty(Name, "name");
        ModelCheck.NotEmpty(Instrume, "instrume");
        ModelCheck.NotEmpty(FilePrefix, "file_prefix");
        Site.Validate();
        Detector.Validate();
        if (Kind == InstrumentKind.Imager)
        {
            if (Optics is null) throw new InvalidModelException("an imager needs optics");
            if (Filters.Count == 0) throw new InvalidModelException("an imager needs filters");
            if (Spectrograph is not null) throw new InvalidModelException("an imager has no spectrograph section");
            Optics.Validate();
            foreach (var f in Filters) f.Validate();
            if (Filters.Select(f => f.Name).Distinct().Count() != Filters.Count) throw new InvalidModelException("filters: names must differ");
        }
        else
        {
            if (Spectrograph is null) throw new InvalidModelException("a long-slit model needs a spectrograph section");
            if (Optics is not null || Filters.Count > 0) throw new InvalidModelException("a long-slit model has no optics or filters sections");
            Spectrograph.Validate(Detector);
        }
        foreach (var (name, plan) in Presets)
        {
            try { plan.Validate(this); }
            catch (InvalidModelException e) { throw new InvalidModelException($"presets.{name}: {e.Message}", e); }
        }
    }

    /// <summary>The filter with this name.</summary>
    /// <exception cref="InvalidModelException">The model has no such filter.</exception>
    public FilterModel Filter(string name, string where = "plan")
        => Filters.FirstOrDefault(f => f.Name == name) ?? throw new InvalidModelException($"{where}: filter '{name}' is not one of {string.Join(", ", Filters.Select(f => f.Name))}");

    /// <summary>The arc lamp with this name.</summary>
    /// <exception cref="InvalidModelException">The model has no such lamp.</exception>
    public LampModel Lamp(string name, string where = "plan")
        => Spectrograph?.Lamps.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new InvalidModelException($"{where}: lamp '{name}' is not one of {string.Join(", ", Spectrograph?.Lamps.Select(l => l.Name) ?? [])}");

    /// <summary>The spectrophotometric standard with this name.</summary>
    /// <exception cref="InvalidModelException">The model has no such standard.</exception>
    public StandardStarModel Standard(string name, string where = "plan")
        => Spectrograph?.Standards.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new InvalidModelException($"{where}: standard '{name}' is not one of {string.Join(", ", Spectrograph?.Standards.Select(s => s.Name) ?? [])}");
}
