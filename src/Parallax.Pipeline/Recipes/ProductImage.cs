using Parallax.Fits.Headers;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// An extra image HDU of a product, written after SCI / VAR / DQ (e.g. a coadd's <c>EXPOSURE</c> or
/// <c>WEIGHT</c> map). It has the product's shape unless the recipe says otherwise.
/// </summary>
public sealed class ProductImage
{
    /// <summary>EXTNAME (upper case, e.g. <c>EXPOSURE</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Width in pixels (NAXIS1).</summary>
    public required int Width { get; init; }

    /// <summary>Height in pixels (NAXIS2).</summary>
    public required int Height { get; init; }

    /// <summary>Row-major float32 values; NaN is written as NaN (no data).</summary>
    public required float[] Data { get; init; }

    /// <summary>BUNIT of the values (e.g. <c>s</c> for an exposure map); empty for none.</summary>
    public string Unit { get; init; } = "";

    /// <summary>What the values are, written as the EXTNAME comment.</summary>
    public string Comment { get; init; } = "";

    /// <summary>Extra cards for the HDU header (e.g. the WCS of the image).</summary>
    public Header Header { get; init; } = new();
}
