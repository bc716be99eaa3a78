using Parallax.Fits.Headers;
using Parallax.Fits.Tables;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// A binary table HDU of a product, written after its images (e.g. a coadd's source catalog <c>CAT</c>,
/// a spectrum's <c>SPEC1D</c>, a wavelength solution's line list). Column units go in the table's TUNITn.
/// </summary>
public sealed class ProductTable
{
    /// <summary>EXTNAME (upper case, e.g. <c>CAT</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The rows and columns.</summary>
    public required BinaryTable Table { get; init; }

    /// <summary>Extra cards for the table header (e.g. the detection threshold, air or vacuum wavelengths).</summary>
    public Header Header { get; init; } = new();
}
