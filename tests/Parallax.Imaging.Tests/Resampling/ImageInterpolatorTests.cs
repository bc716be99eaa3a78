using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Tests.Resampling;

/// <summary>Sampling a masked image: exact values at pixel centres, variance Σw²σ², and each bad-pixel policy.</summary>
public class ImageInterpolatorTests
{
    private static MaskedImage Ramp(int w = 20, int h = 16)
    {
        var img = Frames.FromFunction(w, h, (x, y) => 10 + 2 * x + 3 * y, Frames.Tan(1, 1), variance: 4f);
        return img;
    }

    public class Sample
    {
        [Theory]
        [MemberData(nameof(InterpolationKernelsTests.AllKernels), MemberType = typeof(InterpolationKernelsTests))]
        public void Given_a_pixel_centre_When_sampled_Then_value_variance_and_mask_are_that_pixels(InterpolationKernel k)
        {
            var img = Ramp();
            img.Mask[5 * 20 + 7] = (ushort)MaskBits.Nonlinear;
            var s = new ImageInterpolator(img, k).Sample(7, 5);
            Assert.Equal(10 + 14 + 15, s.Value);
            Assert.Equal(4f, s.Variance);
            Assert.Equal((ushort)MaskBits.Nonlinear, s.Mask);
            Assert.Equal(1f, s.Coverage);
        }

        [Fact]
        public void Given_a_half_pixel_position_When_sampled_bilinearly_Then_the_variance_is_the_sum_of_squared_weights()
        {
            // Four weights of 1/4 on pixels of variance 4: 4 · (1/16) · 4 = 1.
            var s = new ImageInterpolator(Ramp(), InterpolationKernel.Bilinear).Sample(7.5, 5.5);
            Assert.Equal(10 + 15 + 16.5, s.Value, 1e-5);
            Assert.Equal(1f, s.Variance, 1e-6);
        }

        [Fact]
        public void Given_a_masked_pixel_in_the_support_When_the_policy_is_reject_Then_the_sample_is_dropped_with_its_bits()
        {
            var img = Ramp();
            img.Mask[6 * 20 + 8] = (ushort)MaskBits.CosmicRay;
            var s = new ImageInterpolator(img, InterpolationKernel.Lanczos3, BadPixelPolicy.Reject).Sample(7.3, 5.6);
            Assert.True(float.IsNaN(s.Value));
            Assert.False(s.HasValue);
            Assert.Equal((ushort)(MaskBits.NoData | MaskBits.CosmicRay), s.Mask);
            Assert.Equal(0f, s.Coverage);
        }

        [Fact]
        public void Given_a_masked_pixel_in_the_support_When_renormalised_Then_the_others_give_the_value_flagged_interpolated()
        {
            var img = Ramp();
            img.Mask[6 * 20 + 8] = (ushort)MaskBits.BadPixel;
            img.Data[6 * 20 + 8] = 1e6f; // must not leak into the result
            var s = new ImageInterpolator(img, InterpolationKernel.Bilinear, BadPixelPolicy.Renormalise).Sample(7.5, 5.5);
            // The three remaining pixels (7,5)=39, (8,5)=41, (7,6)=42 with equal weights.
            Assert.Equal((39 + 41 + 42) / 3.0, s.Value, 1e-4);
            Assert.Equal((ushort)MaskBits.Interpolated, s.Mask);
            Assert.Equal(0.75f, s.Coverage, 1e-6);
            Assert.Equal(3 * 4 / 9.0, s.Variance, 1e-5);
        }

        [Fact]
        public void Given_a_NaN_pixel_When_sampled_with_reject_Then_the_sample_is_dropped()
        {
            var img = Ramp();
            img.Data[5 * 20 + 9] = float.NaN;
            Assert.False(new ImageInterpolator(img, InterpolationKernel.Bicubic, BadPixelPolicy.Reject).Sample(8.2, 5.1).HasValue);
            Assert.True(new ImageInterpolator(img, InterpolationKernel.Bicubic, BadPixelPolicy.Reject).Sample(3.2, 5.1).HasValue);
        }

        [Fact]
        public void Given_a_position_near_the_edge_When_renormalised_Then_it_is_flagged_edge_and_beyond_it_dropped()
        {
            var interp = new ImageInterpolator(Ramp(), InterpolationKernel.Lanczos3, BadPixelPolicy.Renormalise);
            var near = interp.Sample(0.4, 8);
            Assert.True(near.HasValue);
            Assert.Equal((ushort)MaskBits.Edge, near.Mask);
            Assert.False(interp.Sample(-40, 8).HasValue);
            Assert.False(interp.Sample(double.NaN, 8).HasValue);
            Assert.False(new ImageInterpolator(Ramp(), InterpolationKernel.Lanczos3, BadPixelPolicy.Reject).Sample(1.4, 8).HasValue);
        }

        [Fact]
        public void Given_a_linear_image_When_sampled_with_bilinear_or_bicubic_anywhere_inside_Then_the_plane_is_reproduced()
        {
            var img = Ramp();
            foreach (var k in new[] { InterpolationKernel.Bilinear, InterpolationKernel.Bicubic })
            {
                var interp = new ImageInterpolator(img, k, BadPixelPolicy.Reject);
                for (var i = 0; i < 50; i++)
                {
                    var (x, y) = (2.0 + i * 0.29, 2.0 + i * 0.21);
                    Assert.Equal(10 + 2 * x + 3 * y, interp[x, y], 1e-4);
                }
            }
        }
    }
}
