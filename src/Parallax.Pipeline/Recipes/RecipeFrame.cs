using Parallax.Imaging;
using Parallax.Fits.Headers;

namespace Parallax.Pipeline.Recipes;

/// <summary>One image handed to a recipe (an input frame or a calibration), already read by the engine.</summary>
public sealed class RecipeFrame
{
    /// <summary>A name for messages and product names (the file name, not a path: recipes never touch files).</summary>
    public required string Name { get; init; }

    /// <summary>Its category (e.g. <c>BIAS</c>, <c>MASTER_BIAS</c>).</summary>
    public required string Category { get; init; }

    /// <summary>The pixels, variance and mask.</summary>
    public required MaskedImage Image { get; init; }

    /// <summary>The primary header (observation keywords; for a product, its provenance).</summary>
    public Header PrimaryHeader { get; init; } = new();

    /// <summary>Exposure time in seconds (the instrument's <c>exptime</c>, else EXPTIME or EXPOSURE), or null when unknown.</summary>
    public double? ExposureTime { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Category}, {Image.ShapeText})";
}
