using Parallax.Imaging.Cosmics;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Cosmics;

/// <summary>
/// The median filters against a brute-force reference (sort each window, take the middle; copy the
/// pixels nearer the edge than half the window), exact to the bit, for every width 0..256 (every
/// vector block and tail) and heights around the window size, with ties and NaN.
/// </summary>
public class MedianFilterTests
{
    private static float[] Noise(int n, int seed)
    {
        var g = new Gaussian(seed);
        // Rounded to a coarse grid so that windows often hold ties.
        return [.. Enumerable.Range(0, n).Select(_ => MathF.Round((float)(100 + 10 * g.Next())))];
    }

    private static float Middle(List<float> window)
    {
        window.Sort();
        return window[window.Count / 2];
    }

    private static float[] SquareReference(float[] input, int width, int height, int size)
    {
        var r = size / 2;
        var output = (float[])input.Clone();
        var window = new List<float>();
        for (var y = r; y < height - r; y++)
            for (var x = r; x < width - r; x++)
            {
                window.Clear();
                for (var dy = -r; dy <= r; dy++)
                    for (var dx = -r; dx <= r; dx++) window.Add(input[(y + dy) * width + x + dx]);
                output[y * width + x] = Middle(window);
            }
        return output;
    }

    private static float[] SeparableReference(float[] input, int width, int height, int size)
    {
        var r = size / 2;
        var rows = (float[])input.Clone();
        var window = new List<float>();
        for (var y = 0; y < height; y++)
            for (var x = r; x < width - r; x++)
            {
                window.Clear();
                for (var dx = -r; dx <= r; dx++) window.Add(input[y * width + x + dx]);
                rows[y * width + x] = Middle(window);
            }
        var output = (float[])input.Clone();
        for (var y = r; y < height - r; y++)
            for (var x = r; x < width - r; x++)
            {
                window.Clear();
                for (var dy = -r; dy <= r; dy++) window.Add(rows[(y + dy) * width + x]);
                output[y * width + x] = Middle(window);
            }
        return output;
    }

    public class Square
    {
        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(5)]
        [InlineData(7)]
        public void Given_every_width_0_to_256_When_filtered_Then_each_pixel_is_the_exact_window_median(int size)
        {
            foreach (var height in new[] { 0, 1, size - 1, size, size + 3 })
            {
                for (var width = 0; width <= 256; width++)
                {
                    var input = Noise(width * height, width * 31 + height);
                    var output = new float[input.Length];
                    MedianFilter.Square(input, output, width, height, size);
                    Assert.Equal(SquareReference(input, width, height, size), output);
                }
            }
        }

        [Fact]
        public void Given_a_NaN_pixel_When_filtered_Then_windows_without_it_are_exact()
        {
            const int width = 150, height = 40;
            var input = Noise(width * height, 5);
            input[20 * width + 70] = float.NaN;
            var output = new float[input.Length];
            MedianFilter.Square(input, output, width, height, 5);
            var expected = SquareReference(input, width, height, 5);
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                    if (Math.Abs(x - 70) > 2 || Math.Abs(y - 20) > 2) Assert.Equal(expected[y * width + x], output[y * width + x]);
        }

        [Fact]
        public void Given_bad_arguments_When_filtered_Then_each_is_refused()
        {
            var a = new float[12];
            Assert.Throws<ArgumentOutOfRangeException>(() => MedianFilter.Square(a, new float[12], 4, 3, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => MedianFilter.Square(a, new float[12], 4, 3, 9));
            Assert.Throws<ArgumentException>(() => MedianFilter.Square(a, a, 4, 3, 3));
            Assert.Throws<ArgumentException>(() => MedianFilter.Square(a, new float[11], 4, 3, 3));
        }
    }

    public class Separable
    {
        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(5)]
        [InlineData(7)]
        [InlineData(9)]
        public void Given_every_width_0_to_256_When_filtered_Then_rows_then_columns_are_exact_medians(int size)
        {
            foreach (var height in new[] { 0, 1, size - 1, size, size + 3 })
            {
                for (var width = 0; width <= 256; width++)
                {
                    var input = Noise(width * height, width * 17 + height);
                    var output = new float[input.Length];
                    MedianFilter.Separable(input, output, width, height, size);
                    Assert.Equal(SeparableReference(input, width, height, size), output);
                }
            }
        }

        [Fact]
        public void Given_a_long_window_and_a_reused_scratch_When_filtered_twice_Then_both_are_exact()
        {
            const int width = 300, height = 70;
            var scratch = new float[width * height];
            foreach (var size in new[] { 63, 21 })
            {
                var input = Noise(width * height, size);
                var output = new float[input.Length];
                MedianFilter.Separable(input, output, width, height, size, scratch);
                Assert.Equal(SeparableReference(input, width, height, size), output);
            }
        }

        [Fact]
        public void Given_a_NaN_pixel_When_filtered_Then_pixels_whose_windows_miss_it_are_exact()
        {
            const int width = 150, height = 40;
            var input = Noise(width * height, 9);
            input[20 * width + 70] = float.NaN;
            var output = new float[input.Length];
            MedianFilter.Separable(input, output, width, height, 7);
            var expected = SeparableReference(input, width, height, 7);
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                    if (Math.Abs(x - 70) > 3 || Math.Abs(y - 20) > 3) Assert.Equal(expected[y * width + x], output[y * width + x]);
        }

        [Fact]
        public void Given_an_image_big_enough_to_run_in_parallel_When_filtered_Then_it_matches_the_reference()
        {
            const int width = 1000, height = 600;
            var input = Noise(width * height, 3);
            var output = new float[input.Length];
            MedianFilter.Separable(input, output, width, height, 7);
            Assert.Equal(SeparableReference(input, width, height, 7), output);
        }
    }
}
