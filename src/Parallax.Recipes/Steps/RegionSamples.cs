using Parallax.Imaging;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Steps;

/// <summary>Collects the usable pixels of an image's data regions (overscan left out; masked and NaN pixels skipped) for statistics.</summary>
public static class RegionSamples
{
    /// <summary>The usable values of <paramref name="image"/> inside <paramref name="regions"/>.</summary>
    public static float[] Of(MaskedImage image, IReadOnlyList<PixelRegion> regions) => Of(image.Data, image.Mask, image.Width, regions);

    /// <summary>The usable values of a pixel array inside <paramref name="regions"/>; <paramref name="mask"/> may be empty (no mask).</summary>
    public static float[] Of(ReadOnlySpan<float> data, ReadOnlySpan<ushort> mask, int width, IReadOnlyList<PixelRegion> regions)
    {
        var total = regions.Sum(r => r.PixelCount);
        var result = new float[(int)Math.Min(total, Array.MaxLength)];
        var n = 0;
        foreach (var r in regions)
        {
            for (var y = r.Y; y < r.Y + r.Height; y++)
            {
                var row = y * width;
                for (var x = r.X; x < r.X + r.Width; x++)
                {
                    var v = data[row + x];
                    if (!float.IsFinite(v) || (!mask.IsEmpty && (mask[row + x] & (ushort)MaskBits.Unusable) != 0)) continue;
                    if (n < result.Length) result[n++] = v;
                }
            }
        }
        return n == result.Length ? result : result[..n];
    }

    /// <summary>The pixel-by-pixel difference a − b of the usable pixels of both, over the whole image.</summary>
    public static float[] Difference(MaskedImage a, MaskedImage b) => Difference(a, b, [PixelRegion.Whole(a.Width, a.Height)]);

    /// <summary>The pixel-by-pixel difference a − b of the usable pixels of both, inside <paramref name="regions"/>.</summary>
    public static float[] Difference(MaskedImage a, MaskedImage b, IReadOnlyList<PixelRegion> regions)
    {
        var diff = new float[a.PixelCount];
        for (var i = 0; i < diff.Length; i++)
        {
            var unusable = ((a.Mask[i] | b.Mask[i]) & (ushort)MaskBits.Unusable) != 0;
            diff[i] = unusable ? float.NaN : a.Data[i] - b.Data[i];
        }
        return Of(diff, [], a.Width, regions);
    }
}
