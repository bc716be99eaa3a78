namespace Parallax.Fits.Coordinates;

/// <summary>
/// Which pixel-coordinate convention a <see cref="Wcs"/> call uses. The DEFAULT everywhere in Parallax is
/// <see cref="ZeroBased"/>: the centre of the first pixel is (0, 0), as in array indexing, numpy and
/// astropy's <c>wcs_pix2world(..., 0)</c>. FITS headers (CRPIX) use <see cref="OneBased"/>, where the
/// centre of the first pixel is (1, 1), as in DS9, IRAF and <c>wcs_pix2world(..., 1)</c>.
/// The two differ by exactly 1 on each axis.
/// </summary>
public enum PixelOrigin
{
    /// <summary>Zero-based: the first pixel's centre is (0, 0). The default.</summary>
    ZeroBased = 0,

    /// <summary>One-based, the FITS convention: the first pixel's centre is (1, 1).</summary>
    OneBased = 1,
}
