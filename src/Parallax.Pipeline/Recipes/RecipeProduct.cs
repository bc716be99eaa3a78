using Parallax.Imaging;
namespace Parallax.Pipeline.Recipes;

/// <summary>One image a recipe returns, with its QC values. The engine writes it with provenance; the recipe never names a file.</summary>
public sealed class RecipeProduct
{
    /// <summary>The output connection's category (e.g. <c>MASTER_BIAS</c>).</summary>
    public required string Category { get; init; }

    /// <summary>The image.</summary>
    public required MaskedImage Image { get; init; }

    /// <summary>QC values (name → value, in the units the output connection documents); non-finite values are reported as missing.</summary>
    public IReadOnlyDictionary<string, double> Qc { get; init; } = new Dictionary<string, double>();

    /// <summary>For a per-input output: the <see cref="RecipeFrame.Name"/> of the frame it was made from; null for one product per run.</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>Extra image HDUs written after SCI / VAR / DQ, in order (e.g. <c>EXPOSURE</c>, <c>WEIGHT</c>).</summary>
    public IReadOnlyList<ProductImage> Extensions { get; init; } = [];

    /// <summary>Binary tables written after the images, in order (e.g. <c>CAT</c>, <c>SPEC1D</c>).</summary>
    public IReadOnlyList<ProductTable> Tables { get; init; } = [];

    /// <summary>What was done, step by step (written as HISTORY cards).</summary>
    public IReadOnlyList<string> History { get; init; } = [];
}
