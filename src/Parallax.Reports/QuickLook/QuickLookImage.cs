using System.Runtime.InteropServices;
using SkiaSharp;

namespace Parallax.Reports.QuickLook;

/// <summary>
/// A rendered quick-look: 8-bit pixels in display order (top row first, so FITS row 1 is the
/// bottom row, as DS9 shows it), greyscale when nothing needed colour, else RGBA.
/// </summary>
public sealed class QuickLookImage
{
    internal QuickLookImage(int width, int height, byte[] pixels, bool greyscale, int blockSize, Display.DisplayLimits limits)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
        IsGreyscale = greyscale;
        BlockSize = blockSize;
        Limits = limits;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>One byte per pixel (grey) or four (R, G, B, A), rows top to bottom.</summary>
    public byte[] Pixels { get; }

    /// <summary>True when <see cref="Pixels"/> holds one grey byte per pixel.</summary>
    public bool IsGreyscale { get; }

    /// <summary>The block-averaging factor: each shown pixel is the mean of BlockSize × BlockSize image pixels.</summary>
    public int BlockSize { get; }

    /// <summary>The data values shown as black and white (NaN when the image had no usable value).</summary>
    public Display.DisplayLimits Limits { get; }

    /// <summary>The image as PNG bytes (8-bit greyscale, or 8-bit RGBA when colour was needed).</summary>
    public byte[] EncodePng()
    {
        var info = new SKImageInfo(Width, Height, IsGreyscale ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(Pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            // zlib level 1: a quick-look is made once and read rarely; speed matters more than a few percent of size.
            using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1))
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {Width}×{Height} PNG");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
