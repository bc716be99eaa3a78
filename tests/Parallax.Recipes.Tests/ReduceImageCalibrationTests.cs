using Parallax.Imaging;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Tests;

/// <summary>reduce_image with the optional bad-pixel map and illumination correction, and its sky parameters.</summary>
public class ReduceImageCalibrationTests
{
    private static readonly ReduceImage Recipe = new();

    public class Run
    {
        private static Parallax.Pipeline.Recipes.RecipeProduct Reduce(ReduceImageParameters parameters, params Parallax.Pipeline.Recipes.RecipeFrame[] extra)
            => Reduce(parameters, x => 10 * x, extra);

        private static Parallax.Pipeline.Recipes.RecipeProduct Reduce(ReduceImageParameters parameters, Func<int, double> slope, params Parallax.Pipeline.Recipes.RecipeFrame[] extra)
        {
            var bias = Images.Frame(Images.Constant(8, 8, 100), "MASTER_BIAS");
            var flat = Images.Frame(Images.Constant(8, 8, 2), "MASTER_FLAT");
            var science = Images.Frame(Images.Of(8, 8, (x, _) => 100 + 1000 + slope(x)), "SCIENCE", 60);
            return Images.Single(Recipe.Run(Images.Input([science], Images.Detector(gain: 1, readNoise: 1), [bias, flat, .. extra]), parameters, default), "REDUCED_IMAGE");
        }

        [Fact]
        public void Given_a_bad_pixel_map_When_reduced_Then_its_bits_are_ored_into_the_mask_and_the_data_kept()
        {
            var map = Images.Constant(8, 8, 0);
            map.Mask[3] = (ushort)(MaskBits.Hot | MaskBits.BadPixel);
            map.Mask[10] = (ushort)(MaskBits.Cold | MaskBits.BadPixel);
            var product = Reduce(new ReduceImageParameters { SubtractDark = false }, Images.Frame(map, "MASTER_BPM"));
            Assert.Equal((ushort)(MaskBits.Hot | MaskBits.BadPixel), product.Image.Mask[3]);
            Assert.Equal((ushort)(MaskBits.Cold | MaskBits.BadPixel), product.Image.Mask[10]);
            Assert.Equal(62, product.Image.Mask.Count(m => m == 0));
            // (1000 + 10 x) / 2 for x = 3.
            Assert.Equal(515f, product.Image.Data[3]);
        }

        [Fact]
        public void Given_an_illumination_correction_When_reduced_Then_the_frame_is_divided_by_it_after_the_flat()
        {
            var illum = Images.Of(8, 8, (x, _) => x < 4 ? 0.5 : 1.25);
            var product = Reduce(new ReduceImageParameters { SubtractDark = false }, Images.Frame(illum, "MASTER_ILLUM"));
            // (1000 + 10 x) / 2 / illum.
            Assert.Equal(1000f, product.Image.Data[0]);
            Assert.Equal((1000 + 70) / 2 / 1.25f, product.Image.Data[7], 3);
        }

        [Fact]
        public void Given_subtract_sky_When_reduced_Then_the_sky_is_removed_and_recorded_and_the_qc_is_kept_either_way()
        {
            // A flat sky of (1100 − 100) / 2 = 500 e (flat 2, gain 1).
            var kept = Reduce(new ReduceImageParameters { SubtractDark = false }, _ => 0);
            var subtracted = Reduce(new ReduceImageParameters { SubtractDark = false, SubtractSky = true }, _ => 0);
            Assert.Equal(500, kept.Qc["sky_e"], 1e-3);
            Assert.Equal(kept.Qc["sky_e"], subtracted.Qc["sky_e"], 6);
            Assert.False(kept.Image.Header.Contains("SKYLEVEL"));
            Assert.Equal(subtracted.Qc["sky_e"], subtracted.Image.Header.GetDouble("SKYLEVEL"), 3);
            Assert.All(subtracted.Image.Data, v => Assert.Equal(0, v, 1e-3));
            Assert.Equal(kept.Image.Variance, subtracted.Image.Variance);
        }
    }
}
