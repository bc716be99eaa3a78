namespace Parallax.Fits.Images;

/// <summary>
/// Where an image's pixels come from. <see cref="Hdus.ImageHdu"/> checks every request (bounds,
/// sizes) and hands it here; the two sources are the plain data unit (<see cref="DataUnitPixelSource"/>)
/// and the tiles of a compressed image (<see cref="Compression.TiledPixelSource"/>). Pixel order
/// is FITS order, first axis fastest, and values are physical (BSCALE/BZERO applied, blanks NaN)
/// except in <see cref="ReadRaw"/>.
/// </summary>
internal abstract class PixelSource
{
    /// <summary>Throws, before any result is allocated, when a read of the whole image cannot succeed (truncated data, a size past the limits).</summary>
    /// <exception cref="FitsFormatException">The image cannot be read whole.</exception>
    public abstract void EnsureReadable();

    /// <summary>Reads consecutive pixels starting at a linear index.</summary>
    public abstract void ReadFloat32(long firstPixel, Span<float> destination);

    /// <summary>Reads consecutive pixels starting at a linear index, in double precision.</summary>
    public abstract void ReadFloat64(long firstPixel, Span<double> destination);

    /// <summary>Reads a rectangle of one plane, row by row (the arguments are already checked).</summary>
    public abstract void ReadSection(int x0, int y0, int width, int height, int plane, Span<float> destination);

    /// <summary>Reads the stored values of the whole image as the natural array for BITPIX, in host byte order.</summary>
    public abstract Array ReadRaw(int count);
}
