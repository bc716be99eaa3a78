using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Tests;

public class StackCombinerTests
{
    private static FrameImage[] Stack(params float[] values) => values.Select(v => Images.Constant(3, 2, v)).ToArray();

    public class Combine
    {
        [Theory]
        [InlineData(CombineMethod.Median, 0, 2.0)]
        [InlineData(CombineMethod.Mean, 0, 103.0 / 3)]
        public void Given_three_values_When_combined_without_clipping_Then_the_result_is_their_median_or_mean(CombineMethod method, double clip, double expected)
        {
            var result = StackCombiner.Combine(Stack(1, 2, 100), method, clip);
            Assert.All(result.Data, v => Assert.Equal(expected, v, 5));
        }

        [Theory]
        [InlineData(1.5, 10.0)]
        [InlineData(3.0, 28.0)]
        public void Given_an_outlier_When_the_mean_is_clipped_Then_it_is_rejected_only_beyond_the_threshold(double k, double expected)
        {
            // values 10,10,10,10,100: sample sigma = sqrt((4*18^2 + 72^2)/4) = 40.25; the outlier is 90 from the median.
            var result = StackCombiner.Combine(Stack(10, 10, 10, 10, 100), CombineMethod.Mean, k);
            Assert.All(result.Data, v => Assert.Equal(expected, v, 5));
        }

        [Fact]
        public void Given_input_variances_When_combined_Then_the_mean_divides_by_n_squared_and_the_median_adds_pi_over_2()
        {
            var frames = Stack(1, 2, 3, 4);
            foreach (var f in frames) Array.Fill(f.Variance, 4f);
            Assert.All(StackCombiner.Combine(frames, CombineMethod.Mean, 0).Variance, v => Assert.Equal(1f, v));
            Assert.All(StackCombiner.Combine(frames, CombineMethod.Median, 0).Variance, v => Assert.Equal(Math.PI / 2, v, 5));
        }

        [Fact]
        public void Given_masked_and_NaN_values_When_combined_Then_they_are_left_out_and_a_pixel_without_values_is_NoData()
        {
            var frames = Stack(1, 2, 9);
            frames[2].Mask[0] = MaskFlags.Saturated;
            frames[0].Data[1] = float.NaN;
            foreach (var f in frames) { f.Data[5] = float.NaN; }
            var result = StackCombiner.Combine(frames, CombineMethod.Mean, 0);
            Assert.Equal(1.5f, result.Data[0]);
            Assert.Equal(5.5f, result.Data[1]);
            Assert.Equal(4f, result.Data[2]);
            Assert.True(float.IsNaN(result.Data[5]));
            Assert.Equal(MaskFlags.NoData, result.Mask[5]);
            Assert.Equal(0, result.Mask[0]);
        }

        [Fact]
        public void Given_images_of_different_sizes_When_combined_Then_it_is_refused()
        {
            var e = Assert.Throws<ArgumentException>(() => StackCombiner.Combine([Images.Constant(2, 2, 1), Images.Constant(3, 2, 1)], CombineMethod.Mean, 0));
            Assert.StartsWith("cannot combine a 3×2 image with 2×2 ones", e.Message);
        }
    }
}

public class PixelStatisticsTests
{
    public class MedianInPlace
    {
        [Theory]
        [InlineData(new float[] { 3, 1, 2 }, 2.0)]
        [InlineData(new float[] { 4, 1, 3, 2 }, 2.5)]
        [InlineData(new float[] { float.NaN, 5, float.PositiveInfinity, 1 }, 3.0)]
        public void Given_values_When_the_median_is_taken_Then_non_finite_values_are_ignored(float[] values, double expected)
            => Assert.Equal(expected, PixelStatistics.MedianInPlace(values));

        [Fact]
        public void Given_no_finite_value_When_the_median_is_taken_Then_it_is_NaN()
            => Assert.True(double.IsNaN(PixelStatistics.MedianInPlace(new[] { float.NaN })));
    }

    public class RobustSigmaInPlace
    {
        [Fact]
        public void Given_values_with_a_known_MAD_When_measured_Then_sigma_is_1_4826_times_it()
            // median 3, absolute deviations 2,1,0,1,97 -> MAD 1.
            => Assert.Equal(1.482602218505602, PixelStatistics.RobustSigmaInPlace(new float[] { 1, 2, 3, 4, 100 }), 12);

        [Fact]
        public void Given_gaussian_noise_of_sigma_5_When_measured_Then_the_estimate_is_within_3_percent()
            => Assert.InRange(PixelStatistics.RobustSigmaInPlace(Images.Noisy(100, 100, 0, 5, 7).Data.ToArray()), 4.85, 5.15);
    }
}

public class PixelStatisticsSelectionTests
{
    public class LargeSamples
    {
        [Theory]
        [InlineData(65)]
        [InlineData(1000)]
        [InlineData(1001)]
        [InlineData(100_000)]
        public void Given_a_large_sample_When_the_median_is_selected_Then_it_equals_the_median_of_the_sorted_values(int n)
        {
            var rng = new Random(n);
            // Many repeated values too: selection must cope with ties.
            var values = Enumerable.Range(0, n).Select(_ => (float)rng.Next(0, n / 3 + 1)).ToArray();
            var sorted = values.Order().ToArray();
            var expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * ((double)sorted[n / 2 - 1] + sorted[n / 2]);
            Assert.Equal(expected, PixelStatistics.MedianInPlace(values));
        }
    }
}
