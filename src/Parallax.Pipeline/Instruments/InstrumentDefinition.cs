namespace Parallax.Pipeline.Instruments;

/// <summary>
/// Everything Parallax knows about one instrument, read from its YAML file: how to recognise its
/// files, the logical names of its header values, its detector, how frames are classified and
/// grouped, what each group makes, which calibrations each needs, recipe defaults and QC ranges.
/// Adding an instrument needs only a new file.
/// </summary>
public sealed class InstrumentDefinition
{
    /// <summary>The instrument's name (the file's <c>name</c>), unique across the loaded folders.</summary>
    public required string Name { get; init; }

    /// <summary>One line for people.</summary>
    public string Description { get; init; } = "";

    /// <summary>Imager, long-slit or echelle spectrograph.</summary>
    public InstrumentKind Kind { get; init; }

    /// <summary>The file the definition was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>How its files are recognised.</summary>
    public required InstrumentIdentity Identity { get; init; }

    /// <summary>Logical names, in file order (later ones may use earlier ones).</summary>
    public IReadOnlyList<KeywordMapping> Keywords { get; init; } = [];

    /// <summary>The detector's amplifiers and electronics.</summary>
    public DetectorGeometry Detector { get; init; } = DetectorGeometry.Empty;

    /// <summary>Classification rules in order; the first that holds gives the category.</summary>
    public IReadOnlyList<ClassificationRule> Classification { get; init; } = [];

    /// <summary>How frames of a category are grouped.</summary>
    public GroupingRule Grouping { get; init; } = new();

    /// <summary>The cascade's steps in file order: steps on raw frames and chained steps on earlier steps' products.</summary>
    public IReadOnlyList<CascadeStep> Cascade { get; init; } = [];

    /// <summary>Which calibrations each category needs.</summary>
    public IReadOnlyList<AssociationRule> Associations { get; init; } = [];

    /// <summary>Default recipe parameters from the instrument file: recipe → parameter → value (string, number or bool).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> RecipeDefaults { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    /// <summary>Acceptable QC ranges of products.</summary>
    public IReadOnlyList<QcRange> QcRanges { get; init; } = [];

    /// <summary>The <c>spectroscopy:</c> section (dispersion axis, wavelength prior, lamp line lists); null when the file has none.</summary>
    public SpectroscopySettings? Spectroscopy { get; init; }

    /// <summary>The <c>photometry:</c> section (filter → reference-catalog column, colour term columns); null when the file has none.</summary>
    public PhotometrySettings? Photometry { get; init; }

    /// <summary>The mapping of a logical name, or null.</summary>
    public KeywordMapping? FindKeyword(string name) => Keywords.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first cascade step on the raw frames of a category, or null when frames of that category are not processed on their own.</summary>
    public CascadeStep? StepFor(string category) => Cascade.FirstOrDefault(s => s.From is null && s.Category == category);

    /// <summary>Every cascade step on the raw frames of a category, in file order.</summary>
    public IEnumerable<CascadeStep> StepsFor(string category) => Cascade.Where(s => s.From is null && s.Category == category);

    /// <summary>The step that makes a product category, or null.</summary>
    public CascadeStep? StepMaking(string product) => Cascade.FirstOrDefault(s => s.Product == product);

    /// <summary>
    /// The association rules for inputs of a category, in file order: a raw category (<c>FLAT</c>)
    /// or a product consumed by a chained step (<c>REDUCED_IMAGE</c>).
    /// </summary>
    public IEnumerable<AssociationRule> AssociationsFor(string category) => Associations.Where(a => a.TargetCategory == category);

    /// <summary>The association rules that choose a step's calibrations: those keyed by its <see cref="CascadeStep.InputCategory"/>.</summary>
    public IEnumerable<AssociationRule> AssociationsFor(CascadeStep step) => AssociationsFor(step.InputCategory);

    /// <summary>The categories this instrument can assign, in rule order, without repeats.</summary>
    public IReadOnlyList<string> Categories => Classification.Select(r => r.Category).Distinct().ToList();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({SourceFile})";
}
