using Parallax.Imaging.Coadd;

namespace Parallax.Imaging.Tests.Coadd;

/// <summary>The coadd's per-pixel kernel against hand-computed weighted means, clipping decisions and exposure sums.</summary>
public class CoaddPixelCombinerTests
{
    private static CoaddPixelCombiner Make(int n, double clip = 3, double amp = 0.3) => new(n, clip, amp, 5, MaskBits.Unusable);

    private static void Set(CoaddPixelCombiner c, int i, float value, float variance, float weight = 1, float exposure = 10, ushort mask = 0, float sky = 0)
    {
        c.Values[i] = value;
        c.Variances[i] = variance;
        c.Weights[i] = weight;
        c.Exposures[i] = exposure;
        c.Masks[i] = mask;
        c.Sky[i] = sky;
    }

    public class Combine
    {
        [Fact]
        public void Given_two_values_with_weights_1_and_4_When_combined_Then_the_weighted_mean_and_its_variance_are_exact()
        {
            var c = Make(2, clip: 0);
            Set(c, 0, 10, 2, weight: 1, exposure: 30);
            Set(c, 1, 20, 0.5f, weight: 4, exposure: 60);
            var p = c.Combine(2);
            Assert.Equal((10 + 4 * 20) / 5.0, p.Value, 5);
            Assert.Equal((1 * 2 + 16 * 0.5) / 25.0, p.Variance, 6);
            Assert.Equal((90f, 5f, 2, 0), (p.Exposure, p.Weight, p.Used, p.Rejected));
        }

        [Fact]
        public void Given_masked_NaN_and_variance_less_values_When_combined_Then_they_count_neither_in_the_mean_nor_in_the_exposure()
        {
            var c = Make(5, clip: 0);
            Set(c, 0, 7, 1, exposure: 10);
            Set(c, 1, 1000, 1, exposure: 20, mask: (ushort)MaskBits.Saturated);
            Set(c, 2, float.NaN, 1, exposure: 40);
            Set(c, 3, 500, float.NaN, exposure: 80);
            Set(c, 4, 9, 1, exposure: 160, mask: (ushort)MaskBits.Interpolated);
            var p = c.Combine(5);
            Assert.Equal(8f, p.Value);
            Assert.Equal(170f, p.Exposure);
            // The saturated frame is left out but says so: its share of a star core is missing from the mean.
            Assert.Equal((ushort)(MaskBits.Interpolated | MaskBits.Saturated), p.Mask);
        }

        [Fact]
        public void Given_no_usable_value_When_combined_Then_the_pixel_is_NaN_NoData_with_zero_exposure_and_weight()
        {
            var c = Make(1);
            Set(c, 0, float.NaN, 1);
            foreach (var n in new[] { 0, 1 })
            {
                var p = c.Combine(n);
                Assert.True(float.IsNaN(p.Value) && float.IsNaN(p.Variance));
                Assert.Equal(((ushort)MaskBits.NoData, 0f, 0f), (p.Mask, p.Exposure, p.Weight));
            }
        }

        [Fact]
        public void Given_five_values_and_a_cosmic_ray_When_combined_Then_the_ray_is_clipped_the_mean_is_the_others_and_the_exposure_keeps_all_five()
        {
            var c = Make(5);
            float[] v = [100, 102, 98, 101, 400];
            for (var i = 0; i < 5; i++) Set(c, i, v[i], 4, sky: 95);
            var p = c.Combine(5);
            Assert.Equal(100.25f, p.Value);
            Assert.Equal((1, 4, 50f), (p.Rejected, p.Used, p.Exposure));
        }

        [Fact]
        public void Given_a_star_core_that_differs_by_10_percent_When_combined_with_an_amplitude_allowance_Then_nothing_is_clipped_and_without_it_the_high_value_is()
        {
            float[] v = [1000, 1010, 990, 1005, 1100];
            var loose = Make(5, amp: 0.3);
            var strict = Make(5, amp: 0);
            for (var i = 0; i < 5; i++)
            {
                Set(loose, i, v[i], 100);
                Set(strict, i, v[i], 100);
            }
            Assert.Equal(0, loose.Combine(5).Rejected);
            var p = strict.Combine(5);
            Assert.Equal((1, 1001.25f), (p.Rejected, p.Value));
        }

        [Fact]
        public void Given_a_pair_that_disagrees_by_far_more_than_3_sigma_When_combined_Then_both_are_kept_because_two_values_cannot_name_the_outlier()
        {
            var c = Make(2, amp: 0);
            Set(c, 0, 250, 1);
            Set(c, 1, 10, 1);
            var p = c.Combine(2);
            Assert.Equal((130f, 2, 0), (p.Value, p.Used, p.Rejected));
        }

        [Fact]
        public void Given_stacks_of_every_length_to_64_without_clipping_When_combined_Then_each_is_the_weighted_mean_computed_here()
        {
            var rng = new Random(3);
            for (var n = 0; n <= 64; n++)
            {
                var c = Make(Math.Max(n, 1), clip: 0);
                double sw = 0, swx = 0, sw2v = 0;
                for (var i = 0; i < n; i++)
                {
                    var (x, var, w) = ((float)(rng.NextDouble() * 100), (float)(0.5 + rng.NextDouble()), (float)(0.1 + rng.NextDouble()));
                    Set(c, i, x, var, weight: w);
                    sw += w;
                    swx += w * x;
                    sw2v += (double)w * w * var;
                }
                var p = c.Combine(n);
                if (n == 0)
                {
                    Assert.True(float.IsNaN(p.Value));
                    continue;
                }
                Assert.True(Math.Abs(p.Value - swx / sw) < 1e-4, $"n = {n}");
                Assert.True(Math.Abs(p.Variance / (sw2v / (sw * sw)) - 1) < 1e-5, $"n = {n}");
                Assert.Equal(10f * n, p.Exposure);
            }
        }
    }
}
