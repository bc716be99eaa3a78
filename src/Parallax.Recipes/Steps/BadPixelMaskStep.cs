using Parallax.Imaging;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>Marks a bad-pixel map's defects in a frame: its DQ bits ORed into the frame's mask; data and variance untouched.</summary>
public static class BadPixelMaskStep
{
    /// <summary>
    /// ORs the mask of <paramref name="map"/> (a MASTER_BPM: BadPixel with Hot or Cold) into <paramref name="image"/>'s mask
    /// in place, after the detector step (same trimmed shape); returns the number of pixels the map flags.
    /// </summary>
    /// <exception cref="ArgumentException">The map is not the frame's shape.</exception>
    public static long Apply(MaskedImage image, RecipeFrame map)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(map);
        if (!map.Image.HasSameShape(image)) throw new ArgumentException($"calibration {map.Category} {map.Name} is {map.Image.ShapeText} but the frame is {image.ShapeText} after trimming");
        var source = map.Image.Mask;
        var target = image.Mask;
        long flagged = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var bits = source[i];
            if (bits == 0) continue;
            target[i] |= bits;
            flagged++;
        }
        return flagged;
    }
}
