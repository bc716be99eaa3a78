using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Tests;

public class MasterFlatTests
{
    private static readonly MasterFlat Recipe = new();

    /// <summary>An illumination pattern with median 1: 0.8 .. 1.2 across x.</summary>
    private static double Pattern(int x) => 0.8 + 0.4 * x / 10.0;

    public class Run
    {
        [Fact]
        public void Given_flats_of_two_levels_over_a_bias_When_combined_Then_the_master_is_the_pattern_normalised_to_median_1()
        {
            var bias = Images.Frame(Images.Constant(11, 3, 100), "MASTER_BIAS");
            var flats = new[] { 10000.0, 20000.0 }.Select((level, i) => Images.Frame(Images.Of(11, 3, (x, _) => 100 + level * Pattern(x)), "FLAT", 2, $"f{i}.fits"));
            var product = Images.Single(Recipe.Run(Images.Input(flats, null, bias), new MasterFlatParameters(), default), "MASTER_FLAT");
            for (var x = 0; x < 11; x++) Assert.Equal(Pattern(x), product.Image.Data[x], 4);
            Assert.Equal(15000, product.Qc["median_adu"], 1);
            Assert.Equal("", product.Image.Unit);
        }

        [Fact]
        public void Given_a_master_dark_When_flats_are_combined_Then_it_is_subtracted_scaled_by_exposure_time()
        {
            var bias = Images.Frame(Images.Constant(4, 4, 100), "MASTER_BIAS");
            var dark = Images.Frame(Images.Constant(4, 4, 50), "MASTER_DARK", 100);
            var flats = new[] { Images.Frame(Images.Constant(4, 4, 5105), "FLAT", 10) };
            var product = Images.Single(Recipe.Run(Images.Input(flats, null, bias, dark), new MasterFlatParameters { Normalise = FlatNormalisation.None }, default), "MASTER_FLAT");
            // 5105 - 100 - 50 * 10/100 = 5000.
            Assert.All(product.Image.Data, v => Assert.Equal(5000f, v));
        }

        [Fact]
        public void Given_a_flat_below_min_level_When_combined_Then_it_is_skipped_and_if_none_is_left_the_data_are_unprocessable()
        {
            var bias = Images.Frame(Images.Constant(4, 4, 100), "MASTER_BIAS");
            var faint = Images.Frame(Images.Constant(4, 4, 150), "FLAT", 1, "faint.fits");
            var outcome = Assert.IsType<UnprocessableData>(Recipe.Run(Images.Input([faint], null, bias), new MasterFlatParameters(), default));
            Assert.Equal(new SkippedInput("faint.fits", "level 50 adu is below min_level 100"), Assert.Single(outcome.Inputs));
        }
    }

    public class Validate
    {
        [Fact]
        public void Given_min_level_above_max_level_When_validated_Then_the_combination_is_refused()
            => Assert.Equal(["min_level = 500 must be below max_level = 400: no flat could qualify"], new MasterFlatParameters { MinLevel = 500, MaxLevel = 400 }.Validate());
    }
}
