using Parallax.Imaging;
using Parallax.Reports.Display;

namespace Parallax.Reports.QuickLook;

/// <summary>
/// Renders a <see cref="MaskedImage"/> as a quick-look image: block-averaged to at most
/// <see cref="QuickLookOptions.MaxSize"/> pixels a side, display limits from the options' interval
/// (measured on the shown pixels), the stretch applied through a 65 536-entry table, FITS row 1 at
/// the bottom. NaN pixels and blocks with no unrejected pixel are drawn in <see cref="MaskColours.NoValue"/>;
/// with <see cref="QuickLookOptions.ShowMask"/> pixels with mask bits take their class colour (pure where
/// the pixel has no value left, blended 70 % over the grey level where it still has one). An image with a
/// WCS gets a north/east compass (<see cref="QuickLookOptions.Compass"/>).
/// </summary>
public static class QuickLookRenderer
{
    private const int TableSize = 1 << 16;

    /// <summary>Renders the image.</summary>
    /// <exception cref="ArgumentException">The image is empty or <see cref="QuickLookOptions.MaxSize"/> is not positive.</exception>
    public static QuickLookImage Render(MaskedImage image, QuickLookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= new QuickLookOptions();
        if (image.Width == 0 || image.Height == 0) throw new ArgumentException("the image has no pixels", nameof(image));
        if (options.MaxSize < 1) throw new ArgumentException("MaxSize must be at least 1", nameof(options));
        var factor = Math.Max(1, (Math.Max(image.Width, image.Height) + options.MaxSize - 1) / options.MaxSize);
        var (data, mask, w, h) = BlockAverage.Shrink(image, factor, options.Reject);
        // Rejected pixels are already NaN in the shrunk data, so the interval needs no mask.
        var limits = options.Interval.GetLimits(data);
        var table = Table(options.Stretch);
        // The compass's directions are those of the full image: block averaging scales both axes alike.
        var compass = options.Compass && image.Wcs is { } wcs ? CompassOverlay.Directions(wcs, image.Width, image.Height) : null;
        var colour = compass is not null || (options.ShowMask ? NeedsColour(data, mask) : HasNaN(data));
        var pixels = new byte[w * h * (colour ? 4 : 1)];
        var lo = limits.Min;
        var scale = limits.Max > limits.Min ? (TableSize - 1) / (limits.Max - limits.Min) : 0;
        for (var row = 0; row < h; row++)
        {
            // Display row 0 is the top: the last FITS row.
            var src = (h - 1 - row) * w;
            var dst = row * w;
            for (var x = 0; x < w; x++)
            {
                var v = data[src + x];
                byte grey = 0;
                if (float.IsFinite(v))
                {
                    var t = (v - lo) * scale;
                    grey = table[t <= 0 || double.IsNaN(t) ? 0 : t >= TableSize - 1 ? TableSize - 1 : (int)(t + 0.5)];
                }
                if (!colour)
                {
                    pixels[dst + x] = grey;
                    continue;
                }
                var (r, g, b) = (grey, grey, grey);
                var cls = options.ShowMask ? MaskColours.ClassOf(mask[src + x]) : -1;
                if (cls >= 0) (r, g, b) = float.IsFinite(v) ? Blend(MaskColours.Classes[cls].Colour, grey) : MaskColours.Classes[cls].Colour;
                else if (!float.IsFinite(v)) (r, g, b) = MaskColours.NoValue;
                var p = (dst + x) * 4;
                pixels[p] = r;
                pixels[p + 1] = g;
                pixels[p + 2] = b;
                pixels[p + 3] = 255;
            }
        }
        if (compass is { } c) CompassOverlay.Draw(pixels, w, h, c.North, c.East);
        return new QuickLookImage(w, h, pixels, !colour, factor, limits);
    }

    /// <summary>Renders the image and encodes it as PNG.</summary>
    public static byte[] RenderPng(MaskedImage image, QuickLookOptions? options = null) => Render(image, options).EncodePng();

    /// <summary>Grey level for each of 65 536 evenly spaced normalised values.</summary>
    private static byte[] Table(IStretch stretch)
    {
        var table = new byte[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var y = stretch.Apply(i / (double)(TableSize - 1));
            table[i] = (byte)Math.Clamp(Math.Round(y * 255), 0, 255);
        }
        return table;
    }

    /// <summary>The mask colour over the grey level, 70 % opaque: the structure underneath stays visible.</summary>
    private static (byte, byte, byte) Blend((byte R, byte G, byte B) c, byte grey)
        => ((byte)(0.7 * c.R + 0.3 * grey), (byte)(0.7 * c.G + 0.3 * grey), (byte)(0.7 * c.B + 0.3 * grey));

    private static bool HasNaN(float[] data)
    {
        foreach (var v in data) if (!float.IsFinite(v)) return true;
        return false;
    }

    private static bool NeedsColour(float[] data, ushort[] mask)
    {
        foreach (var m in mask) if (MaskColours.ClassOf(m) >= 0) return true;
        return HasNaN(data);
    }
}
