namespace Parallax.Pipeline.Recipes;

/// <summary>A product a recipe makes: category (by which later recipes select it), PRODTYPE, processing level, and how many.</summary>
public sealed record OutputConnection
{
    /// <summary>The product category (e.g. <c>MASTER_BIAS</c>), written as <c>PRODCATG</c> and registered in the calibration database.</summary>
    public required string Category { get; init; }

    /// <summary>What the product is, written as <c>PRODTYPE</c> (e.g. <c>master_bias</c>).</summary>
    public required string ProductType { get; init; }

    /// <summary>The processing level, written as <c>PROCSTAT</c>.</summary>
    public ProcessingLevel Level { get; init; } = ProcessingLevel.Corrected;

    /// <summary>True when the recipe makes one product per input frame (e.g. a reduced image per raw frame), false for one per run.</summary>
    public bool PerInput { get; init; }

    /// <summary>True for an intermediate product: written only when asked (<c>--save-intermediate</c>), never registered as a calibration.</summary>
    public bool Intermediate { get; init; }

    /// <summary>QC values the recipe reports for this product, name → meaning with unit.</summary>
    public IReadOnlyDictionary<string, string> Qc { get; init; } = new Dictionary<string, string>();

    /// <summary>What the product is for.</summary>
    public string Doc { get; init; } = "";

    /// <inheritdoc/>
    public override string ToString() => $"{Category} ({ProductType}, LEVEL_{(int)Level}{(PerInput ? ", one per input" : "")}{(Intermediate ? ", intermediate" : "")})";
}
