using Parallax.Imaging;
using Parallax.Reports.Display;
using Parallax.Reports.Tests.Support;

namespace Parallax.Reports.Tests.Display;

/// <summary>Display limits against astropy.visualization 5.2.1 (data/display/make_display.py); tolerance 1e-4 relative.</summary>
public class IntervalTests
{
    private const double Tolerance = 1e-4;

    public class ZScale
    {
        [Theory]
        [MemberData(nameof(DisplayReference.ImageNames), MemberType = typeof(DisplayReference))]
        public void Given_an_image_When_limits_are_taken_with_the_defaults_Then_they_match_astropy(string name)
        {
            var image = DisplayReference.Image(name);
            var limits = new ZScaleInterval().GetLimits(image.Data);
            var (min, max) = DisplayReference.Limits(name, "zscale");
            DisplayReference.Close(min, limits.Min, Tolerance, $"{name} vmin");
            DisplayReference.Close(max, limits.Max, Tolerance, $"{name} vmax");
        }

        [Theory]
        [MemberData(nameof(DisplayReference.ImageNames), MemberType = typeof(DisplayReference))]
        public void Given_an_image_When_limits_are_taken_with_other_samples_contrast_krej_and_iterations_Then_they_match_astropy(string name)
        {
            var c = DisplayReference.Json.GetProperty("zscale_custom");
            var interval = new ZScaleInterval
            {
                Samples = c.GetProperty("n_samples").GetInt32(),
                Contrast = c.GetProperty("contrast").GetDouble(),
                KRej = c.GetProperty("krej").GetDouble(),
                MaxIterations = c.GetProperty("max_iterations").GetInt32(),
            };
            var limits = interval.GetLimits(DisplayReference.Image(name).Data);
            var (min, max) = DisplayReference.Limits(name, "zscale_custom");
            DisplayReference.Close(min, limits.Min, Tolerance, $"{name} vmin");
            DisplayReference.Close(max, limits.Max, Tolerance, $"{name} vmax");
        }

        [Fact]
        public void Given_masked_pixels_When_limits_are_taken_Then_they_count_as_missing_like_NaN()
        {
            // Masking the pixels astropy saw as NaN, after giving them wild values, must change nothing.
            var image = DisplayReference.Image("noise_stars");
            for (var i = 0; i < image.Data.Length; i++)
            {
                if (float.IsNaN(image.Data[i])) { image.Data[i] = 1e9f; image.Mask[i] = (ushort)MaskBits.BadPixel; }
            }
            var limits = new ZScaleInterval().GetLimits(image.Data, image.Mask);
            var (min, max) = DisplayReference.Limits("noise_stars", "zscale");
            DisplayReference.Close(min, limits.Min, Tolerance, "vmin");
            DisplayReference.Close(max, limits.Max, Tolerance, "vmax");
        }

        [Fact]
        public void Given_no_finite_value_When_limits_are_taken_Then_both_are_NaN()
        {
            var limits = new ZScaleInterval().GetLimits([float.NaN, float.PositiveInfinity]);
            Assert.False(limits.IsFinite);
            Assert.True(double.IsNaN(limits.Min) && double.IsNaN(limits.Max));
        }
    }

    public class Percentile
    {
        [Theory]
        [MemberData(nameof(DisplayReference.ImageNames), MemberType = typeof(DisplayReference))]
        public void Given_an_image_When_the_central_99_5_and_90_percent_are_kept_Then_the_limits_match_astropy(string name)
        {
            var image = DisplayReference.Image(name);
            foreach (var (p, key) in new[] { (99.5, "percentile_99_5"), (90.0, "percentile_90") })
            {
                var limits = new PercentileInterval(p).GetLimits(image.Data);
                var (min, max) = DisplayReference.Limits(name, key);
                DisplayReference.Close(min, limits.Min, Tolerance, $"{name} {key} vmin");
                DisplayReference.Close(max, limits.Max, Tolerance, $"{name} {key} vmax");
            }
        }

        [Fact]
        public void Given_a_percentage_outside_0_to_100_When_created_Then_it_is_refused()
            => Assert.Throws<ArgumentOutOfRangeException>(() => new PercentileInterval(0));
    }

    public class MinMax
    {
        [Theory]
        [MemberData(nameof(DisplayReference.ImageNames), MemberType = typeof(DisplayReference))]
        public void Given_an_image_When_limits_are_taken_Then_they_are_astropys_min_and_max(string name)
        {
            var limits = new MinMaxInterval().GetLimits(DisplayReference.Image(name).Data);
            var (min, max) = DisplayReference.Limits(name, "minmax");
            Assert.Equal(min, limits.Min);
            Assert.Equal(max, limits.Max);
        }
    }
}
