using Parallax.Imaging;
using Parallax.Reports.QuickLook;

namespace Parallax.Reports.Tests.QuickLook;

public class BlockAverageTests
{
    public class Shrink
    {
        /// <summary>
        /// Every width 1..40 (blocks cut by the edge included) and factors 1..5, with NaNs and masked
        /// pixels sprinkled in: each output pixel equals the plain mean of its block's usable pixels,
        /// computed here one pixel at a time, and its mask the OR of the block's bits. Tolerance 1e-5 relative (float sums).
        /// </summary>
        [Fact]
        public void Given_any_width_and_factor_with_NaN_and_masked_pixels_When_shrunk_Then_each_pixel_is_its_blocks_usable_mean()
        {
            var rng = new Random(11);
            for (var width = 1; width <= 40; width++)
            {
                for (var factor = 1; factor <= 5; factor++)
                {
                    var height = 1 + rng.Next(12);
                    var image = new MaskedImage(width, height);
                    for (var i = 0; i < image.Data.Length; i++)
                    {
                        image.Data[i] = (float)(rng.NextDouble() * 100);
                        var r = rng.Next(20);
                        if (r == 0) image.Data[i] = float.NaN;
                        else if (r == 1) image.Mask[i] = (ushort)MaskBits.CosmicRay;
                        else if (r == 2) image.Mask[i] = (ushort)MaskBits.Edge; // not rejected: still averaged
                    }
                    var (data, mask, w, h) = BlockAverage.Shrink(image, factor, MaskBits.Unusable);
                    Assert.Equal(((width + factor - 1) / factor, (height + factor - 1) / factor), (w, h));
                    for (var by = 0; by < h; by++)
                    {
                        for (var bx = 0; bx < w; bx++)
                        {
                            double sum = 0;
                            var n = 0;
                            ushort or = 0;
                            for (var y = by * factor; y < Math.Min(height, (by + 1) * factor); y++)
                            {
                                for (var x = bx * factor; x < Math.Min(width, (bx + 1) * factor); x++)
                                {
                                    var v = image.Data[y * width + x];
                                    var m = image.Mask[y * width + x];
                                    or |= m;
                                    if (float.IsNaN(v) || (m & (ushort)MaskBits.Unusable) != 0) continue;
                                    sum += v;
                                    n++;
                                }
                            }
                            var got = data[by * w + bx];
                            if (n == 0) Assert.True(float.IsNaN(got), $"w{width} f{factor} ({bx},{by}) should be NaN");
                            else Assert.True(Math.Abs(got - sum / n) <= 1e-5 * Math.Max(1, sum / n), $"w{width} f{factor} ({bx},{by}): {got} vs {sum / n}");
                            Assert.Equal(or, mask[by * w + bx]);
                        }
                    }
                }
            }
        }
    }
}
