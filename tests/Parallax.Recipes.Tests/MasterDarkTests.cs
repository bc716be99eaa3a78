using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Tests;

public class MasterDarkTests
{
    private static readonly MasterDark Recipe = new();

    public class Run
    {
        [Fact]
        public void Given_darks_of_50_s_with_2_adu_per_second_over_the_bias_When_combined_Then_the_dark_current_is_2_adu_per_second()
        {
            var bias = Images.Frame(Images.Constant(10, 10, 100), "MASTER_BIAS");
            var darks = Enumerable.Range(0, 3).Select(i => Images.Frame(Images.Constant(10, 10, 200), "DARK", 50, $"d{i}.fits"));
            var product = Images.Single(Recipe.Run(Images.Input(darks, Images.Detector(gain: 1.5, readNoise: 3), bias), new MasterDarkParameters(), default), "MASTER_DARK");
            Assert.All(product.Image.Data, v => Assert.Equal(100f, v));
            Assert.Equal((100.0, 2.0, 3.0), (product.Qc["median_adu"], product.Qc["dark_current_adu_s"], product.Qc["dark_current_e_s"]));
            Assert.Equal(50.0, product.Image.Header.GetDouble("EXPTIME"));
            // Raw variance: (3 e / 1.5 e/ADU)^2 + 100 ADU / 1.5 = 4 + 66.67 per frame; median of 3: pi/2 * 3 v / 9.
            Assert.All(product.Image.Variance, v => Assert.Equal(Math.PI / 2 * (4 + 100 / 1.5) / 3, v, 3));
        }

        [Fact]
        public void Given_one_hot_pixel_When_combined_Then_it_is_flagged_hot_and_counted()
        {
            var bias = Images.Frame(Images.Constant(10, 10, 100), "MASTER_BIAS");
            var darks = Enumerable.Range(0, 3).Select(i => Images.Frame(Images.Noisy(10, 10, 110, 1, seed: i, (x, y) => x == 4 && y == 7 ? 500 : 0), "DARK", 10, $"d{i}.fits"));
            var product = Images.Single(Recipe.Run(Images.Input(darks, null, bias), new MasterDarkParameters(), default), "MASTER_DARK");
            Assert.Equal(8, product.Image.Mask[7 * 10 + 4]);
            Assert.Equal(1, product.Image.Mask.Count(m => m != 0));
            Assert.Equal(0.01, product.Qc["hot_fraction"], 12);
        }

        [Fact]
        public void Given_a_dark_of_another_exposure_When_combined_Then_it_is_skipped_with_the_reason()
        {
            var bias = Images.Frame(Images.Constant(4, 4, 0), "MASTER_BIAS");
            var darks = new[] { Images.Frame(Images.Constant(4, 4, 10), "DARK", 10, "a.fits"), Images.Frame(Images.Constant(4, 4, 30), "DARK", 30, "b.fits") };
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(Images.Input(darks, null, bias), new MasterDarkParameters(), default));
            Assert.Equal(new SkippedInput("b.fits", "exposure 30 s differs from the first dark's 10 s"), Assert.Single(ok.Skipped));
            Assert.Equal(1.0, ok.Products[0].Qc["dark_current_adu_s"]);
        }

        [Fact]
        public void Given_no_master_bias_When_run_Then_calibration_not_found_carries_the_engines_explanation()
        {
            var input = new RecipeInput { Frames = [Images.Frame(Images.Constant(4, 4, 10), "DARK", 10)], Missing = new Dictionary<string, string> { ["MASTER_BIAS"] = "no MASTER_BIAS for DARK group DARK-1" } };
            var outcome = Assert.IsType<CalibrationNotFound>(Recipe.Run(input, new MasterDarkParameters(), default));
            Assert.Equal(("MASTER_BIAS", "calibration not found: no MASTER_BIAS for DARK group DARK-1"), (outcome.Category, outcome.Message));
        }
    }
}
