using Parallax.Fits.Headers;
using Parallax.Fits.Tables;

namespace Parallax.Spectroscopy.Spectra;

/// <summary>
/// A spectrum laid out as a FITS binary table and the cards of its header (EXTNAME <c>SPEC1D</c>, AIRORVAC, OBJECT,
/// EXPTIME, AIRMASS): what a recipe hands the engine as a product table, or what <see cref="Spectrum1DFits.Write"/> writes.
/// </summary>
/// <param name="Name">EXTNAME, <see cref="Spectrum1DFits.Extension"/> unless the caller chose another.</param>
/// <param name="Table">The rows (one per pixel) and columns, each with its TUNIT.</param>
/// <param name="Header">Extra table-header cards (EXTNAME included).</param>
public sealed record Spectrum1DTable(string Name, BinaryTable Table, Header Header);
