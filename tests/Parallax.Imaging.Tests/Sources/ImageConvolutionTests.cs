using Parallax.Imaging.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Sources;

/// <summary>The detection filter against a direct per-pixel sum, every row length 1..70 (vector tails), NaN and kernels.</summary>
public class ImageConvolutionTests
{
    private static float[] Direct(float[] src, int w, int h, ConvolutionKernel k)
    {
        var o = new float[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                double s = 0;
                for (var ky = 0; ky < k.Height; ky++)
                    for (var kx = 0; kx < k.Width; kx++)
                    {
                        int sx = x + kx - k.Width / 2, sy = y + ky - k.Height / 2;
                        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;   // zero outside, as sep
                        s += k.Values[ky * k.Width + kx] * src[sy * w + sx];
                    }
                o[y * w + x] = (float)s;
            }
        return o;
    }

    public class Convolve
    {
        [Fact]
        public void Given_every_width_from_1_to_70_When_filtered_Then_it_equals_the_direct_sum()
        {
            var g = new Gaussian(3);
            foreach (var k in new[] { ConvolutionKernel.Default, ConvolutionKernel.Gaussian(2.5) })
                for (var w = 1; w <= 70; w++)
                {
                    const int h = 4;
                    var src = new float[w * h];
                    for (var i = 0; i < src.Length; i++) src[i] = (float)g.Next();
                    var got = new float[src.Length];
                    ImageConvolution.Convolve(src, got, w, h, k);
                    var want = Direct(src, w, h, k);
                    // float accumulation of up to 49 products of unit-σ values: within 2e-5 of the double sum.
                    for (var i = 0; i < src.Length; i++) Close.Equal(want[i], got[i], 0, 2e-5, $"w={w} pixel {i}");
                }
        }

        [Fact]
        public void Given_a_nan_pixel_When_filtered_Then_only_its_3x3_neighbourhood_is_nan()
        {
            var src = new float[10 * 10];
            src[5 * 10 + 5] = float.NaN;
            var got = new float[100];
            ImageConvolution.Convolve(src, got, 10, 10, ConvolutionKernel.Default);
            for (var y = 0; y < 10; y++)
                for (var x = 0; x < 10; x++)
                    Assert.Equal(Math.Abs(x - 5) <= 1 && Math.Abs(y - 5) <= 1, float.IsNaN(got[y * 10 + x]));
        }

        [Fact]
        public void Given_the_default_kernel_Then_it_is_the_normalised_pyramid()
        {
            Assert.Equal([1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f], ConvolutionKernel.Default.Values.ToArray());
            Assert.Throws<ArgumentException>(() => new ConvolutionKernel(2, 3, new float[6]));
            Assert.Throws<ArgumentException>(() => new ConvolutionKernel(1, 1, [0f]));
        }
    }
}
