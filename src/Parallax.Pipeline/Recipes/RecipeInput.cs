namespace Parallax.Pipeline.Recipes;

/// <summary>Everything a recipe run receives besides its parameters: the frames, the calibrations and the detector. All in memory.</summary>
public sealed class RecipeInput
{
    /// <summary>The frames to process, in time order; unreadable ones have already been dropped and reported.</summary>
    public required IReadOnlyList<RecipeFrame> Frames { get; init; }

    /// <summary>The calibrations found, by category (a missing optional one is absent).</summary>
    public IReadOnlyDictionary<string, RecipeFrame> Calibrations { get; init; } = new Dictionary<string, RecipeFrame>();

    /// <summary>The detector (sections, gain, read noise, saturation) of the frames.</summary>
    public DetectorLayout Detector { get; init; } = DetectorLayout.Unknown;

    /// <summary>True when intermediate products will be written (<c>--save-intermediate</c>); a recipe may skip making them otherwise.</summary>
    public bool KeepIntermediates { get; init; }

    /// <summary>The user's astrometric/photometric reference catalog, for recipes whose connections use one; null when none was given.</summary>
    public Imaging.Astrometry.ReferenceCatalog? ReferenceCatalog { get; init; }

    /// <summary>The instrument file's photometry settings (filter → catalog column, colour term); null when it has none.</summary>
    public Instruments.PhotometrySettings? Photometry { get; init; }

    /// <summary>The instrument's name, or null when unknown.</summary>
    public string? Instrument { get; init; }

    /// <summary>The instrument's <c>spectroscopy:</c> settings (dispersion axis, wavelength prior), or null for an imager or an unknown instrument.</summary>
    public Instruments.SpectroscopySettings? Spectroscopy { get; init; }

    /// <summary>The comparison-lamp line lists the instrument file names (<see cref="Instruments.SpectroscopySettings.LineLists"/>), in its order; empty when none.</summary>
    public IReadOnlyList<NamedText> LineLists { get; init; } = [];

    /// <summary>Optional calibrations that were looked for and not found: category → the selection's explanation (for a <see cref="CalibrationNotFound"/> the recipe may return).</summary>
    public IReadOnlyDictionary<string, string> Missing { get; init; } = new Dictionary<string, string>();

    /// <summary>The calibration of a category, or null when absent.</summary>
    public RecipeFrame? Calibration(string category) => Calibrations.GetValueOrDefault(category);

    /// <summary>Why a calibration is absent: the selection's explanation, or a plain sentence.</summary>
    public string WhyMissing(string category) => Missing.GetValueOrDefault(category) ?? $"no {category} was given";
}
