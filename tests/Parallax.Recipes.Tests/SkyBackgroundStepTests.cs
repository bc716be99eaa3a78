using Xunit.Abstractions;
using Parallax.Imaging.Statistics;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Steps;
using Parallax.Recipes.Tests.Support;

namespace Parallax.Recipes.Tests;

public class SkyBackgroundStepTests
{
    public class Apply
    {
        [Fact]
        public void Given_a_flat_sky_with_noise_When_measured_without_subtraction_Then_level_and_noise_are_the_sky_and_the_data_are_unchanged()
        {
            var image = Images.Noisy(256, 256, 500, 20, 9);
            var before = image.Data.ToArray();
            var sky = SkyBackgroundStep.Apply(image, subtract: false);
            // Level: σ/√(64²) per box ≈ 0.3 and a median over 16 boxes: 0.5 is generous. Noise: the box rms of Gaussian noise.
            Assert.Equal(500, sky.Level, 0.5);
            Assert.Equal(20, sky.Noise, 0.6);
            Assert.False(sky.Subtracted);
            Assert.Equal(before, image.Data);
            Assert.False(image.Header.Contains("SKYLEVEL"));
        }

        [Fact]
        public void Given_a_sky_gradient_When_subtracted_Then_the_residual_is_flat_the_variance_kept_and_skylevel_recorded()
        {
            var image = Images.Noisy(256, 256, 500, 5, 4, (x, y) => 0.2 * x);
            image.Variance.AsSpan().Fill(25);
            var sky = SkyBackgroundStep.Apply(image, subtract: true);
            Assert.True(sky.Subtracted);
            // The median of the model is the median sky, 500 + 0.2 × 127.5.
            Assert.Equal(525.5, sky.Level, 1.0);
            Assert.Equal(0, RobustStatistics.Median(image.Data), 0.3);
            // The gradient is gone: the left and right quarters agree.
            var left = image.Data.Where((_, i) => i % 256 < 64).ToArray();
            var right = image.Data.Where((_, i) => i % 256 >= 192).ToArray();
            Assert.Equal(RobustStatistics.Median(left), RobustStatistics.Median(right), 0.5);
            Assert.All(image.Variance, v => Assert.Equal(25f, v));
            Assert.Equal(sky.Level, image.Header.GetDouble("SKYLEVEL"), 3);
        }
    }

    /// <summary>Truth: the sky of the simulated V frames, reduced by reduce_image with the master flat and the illumination correction.</summary>
    [Collection(DitheredNightCollection.Name)]
    public class Truth(DitheredNight night, ITestOutputHelper output)
    {
        [Fact]
        public void Given_simulated_science_frames_When_reduced_Then_sky_e_is_the_true_sky_times_the_flat_within_1_percent()
        {
            var input = Images.Input(night.Science, night.Layout, night.Bias, night.Flat, night.Illum);
            var products = Assert.IsType<Parallax.Pipeline.Recipes.RecipeSucceeded>(new ReduceImage().Run(input, new ReduceImageParameters { SubtractDark = false }, default)).Products;
            var frames = night.Night.Csv("frames.csv").ToDictionary(r => r["file"]);
            var truthFlat = night.Night.TruthImage("flat_V.fits");
            // The sky lands on the detector through the true flat (mean 1); the reduction divides by a flat of median 1
            // and converts with the gain, so its sky is the true sky times the true flat's median.
            var flatMedian = RobustStatistics.Median(truthFlat);
            Assert.Equal(7, products.Count);
            foreach (var p in products)
            {
                var expected = SimulatedImager.Number(frames[p.DerivedFrom!]["sky_e_per_pixel"]) * flatMedian;
                output.WriteLine($"{p.DerivedFrom}: sky_e {p.Qc["sky_e"]:0.00} truth {expected:0.00} ratio {p.Qc["sky_e"] / expected:0.0000} sky_noise_e {p.Qc["sky_noise_e"]:0.00}");
                Assert.True(Math.Abs(p.Qc["sky_e"] / expected - 1) < 0.01, $"{p.DerivedFrom}: sky_e {p.Qc["sky_e"]:0.0} vs truth {expected:0.0}");
                Assert.True(p.Qc["sky_noise_e"] > 0.9 * Math.Sqrt(expected), $"{p.DerivedFrom}: sky noise {p.Qc["sky_noise_e"]:0.0} below the sky's shot noise {Math.Sqrt(expected):0.0}");
            }
        }
    }
}
