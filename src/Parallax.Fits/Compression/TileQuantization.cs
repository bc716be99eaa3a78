namespace Parallax.Fits.Compression;

/// <summary>
/// The quantisation facts of one tile of a float image: its ZSCALE and ZZERO (a column value per
/// tile, or a keyword), the method (ZQUANTIZ), the integer that stands for NaN (ZBLANK, column
/// or keyword; null when absent), the tile's 1-based row in the table and ZDITHER0.
/// </summary>
/// <param name="Scale">ZSCALE: one integer step in float units.</param>
/// <param name="Zero">ZZERO: the float value of integer 0.</param>
/// <param name="Method">How the tile was quantised.</param>
/// <param name="Blank">ZBLANK, or null when the image has no blank pixels.</param>
/// <param name="TileRow">The tile's 1-based row number in the compressed table.</param>
/// <param name="DitherSeed">ZDITHER0 (1..10000); 1 when the keyword is missing, as in CFITSIO.</param>
internal readonly record struct TileQuantization(double Scale, double Zero, QuantizationMethod Method, int? Blank, long TileRow, int DitherSeed = 1);
