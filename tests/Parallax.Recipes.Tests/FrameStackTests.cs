using Parallax.Imaging;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Steps;

namespace Parallax.Recipes.Tests;

public class FrameStackTests
{
    private static MaskedImage[] Stack(params float[] values) => values.Select(v => Images.Constant(3, 2, v)).ToArray();

    public class Combine
    {
        [Theory]
        [InlineData(CombineMethod.Median, 0, 2.0)]
        [InlineData(CombineMethod.Mean, 0, 103.0 / 3)]
        public void Given_three_values_When_combined_without_clipping_Then_the_result_is_their_median_or_mean(CombineMethod method, double clip, double expected)
        {
            var result = FrameStack.Combine(Stack(1, 2, 100), method, clip);
            Assert.All(result.Data, v => Assert.Equal(expected, v, 5));
        }

        [Theory]
        [InlineData(1.5, 10.0)]
        [InlineData(3.0, 28.0)]
        public void Given_an_outlier_When_the_mean_is_clipped_Then_it_is_rejected_only_beyond_the_threshold(double k, double expected)
        {
            // values 10,10,10,10,100: sample sigma = sqrt((4*18^2 + 72^2)/4) = 40.25; the outlier is 90 from the median.
            var result = FrameStack.Combine(Stack(10, 10, 10, 10, 100), CombineMethod.Mean, k);
            Assert.All(result.Data, v => Assert.Equal(expected, v, 5));
        }

        [Fact]
        public void Given_input_variances_When_combined_Then_the_mean_divides_by_n_squared_and_the_median_adds_pi_over_2()
        {
            var frames = Stack(1, 2, 3, 4);
            foreach (var f in frames) Array.Fill(f.Variance, 4f);
            Assert.All(FrameStack.Combine(frames, CombineMethod.Mean, 0).Variance, v => Assert.Equal(1f, v));
            Assert.All(FrameStack.Combine(frames, CombineMethod.Median, 0).Variance, v => Assert.Equal(Math.PI / 2, v, 5));
        }

        [Fact]
        public void Given_masked_and_NaN_values_When_combined_Then_they_are_left_out_and_a_pixel_without_values_is_NoData()
        {
            var frames = Stack(1, 2, 9);
            frames[2].Mask[0] = (ushort)MaskBits.Saturated;
            frames[0].Data[1] = float.NaN;
            foreach (var f in frames) { f.Data[5] = float.NaN; }
            var result = FrameStack.Combine(frames, CombineMethod.Mean, 0);
            Assert.Equal(1.5f, result.Data[0]);
            Assert.Equal(5.5f, result.Data[1]);
            Assert.Equal(4f, result.Data[2]);
            Assert.True(float.IsNaN(result.Data[5]));
            Assert.Equal((ushort)MaskBits.NoData, result.Mask[5]);
            Assert.Equal(0, result.Mask[0]);
        }

        [Fact]
        public void Given_images_of_different_sizes_When_combined_Then_it_is_refused()
        {
            var e = Assert.Throws<ArgumentException>(() => FrameStack.Combine([Images.Constant(2, 2, 1), Images.Constant(3, 2, 1)], CombineMethod.Mean, 0));
            Assert.StartsWith("cannot combine a 3×2 image with 2×2 ones", e.Message);
        }
    }
}
