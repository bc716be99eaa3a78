namespace Parallax.Fits.Compression;

/// <summary>
/// The fixed fields at the start of an HCOMPRESS_1 stream. H-compress names the slow axis x:
/// <paramref name="Rows"/> is the tile's second FITS axis (ZTILE2), <paramref name="Columns"/> its first (ZTILE1).
/// </summary>
/// <param name="Rows">Number of rows (the slowly varying dimension).</param>
/// <param name="Columns">Pixels per row (the fastest varying dimension).</param>
/// <param name="Scale">The digitisation scale the coefficients were divided by (0 or 1: lossless).</param>
internal readonly record struct HCompressHeader(int Rows, int Columns, int Scale)
{
    /// <summary>Size of the header in bytes: magic (2), two dimensions and scale (3 × 4), sum of all pixels (8), bit-plane counts (3).</summary>
    public const int Size = 25;

    /// <summary>Pixels in the tile.</summary>
    public long PixelCount => (long)Rows * Columns;
}
