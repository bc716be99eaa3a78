using Parallax.Imaging;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Tests;

public class ReduceImageTests
{
    private static readonly ReduceImage Recipe = new();

    public class Run
    {
        [Fact]
        public void Given_a_frame_and_its_masters_When_detrended_Then_each_pixel_is_raw_minus_bias_minus_scaled_dark_over_flat()
        {
            var raw = Images.Frame(Images.Of(4, 2, (x, y) => 1300 + 10 * x + y), "SCIENCE", 60, "sci.fits");
            var bias = Images.Frame(Images.Constant(4, 2, 100), "MASTER_BIAS");
            var dark = Images.Frame(Images.Constant(4, 2, 40), "MASTER_DARK", 120);
            var flat = Images.Frame(Images.Of(4, 2, (x, _) => 0.5 + 0.25 * x), "MASTER_FLAT");
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(Images.Input([raw], Images.Detector(gain: 2, readNoise: 4), bias, dark, flat), new ReduceImageParameters(), default));
            var product = Assert.Single(ok.Products);
            Assert.Equal("sci.fits", product.DerivedFrom);
            for (var y = 0; y < 2; y++)
            {
                for (var x = 0; x < 4; x++)
                {
                    double rawValue = 1300 + 10 * x + y, f = 0.5 + 0.25 * x;
                    // In electrons (gain 2): (raw - bias - dark scaled to 60 s of its 120 s) / flat x gain.
                    var expected = (rawValue - 100 - 40 * 0.5) / f * 2;
                    // ((read noise / gain)^2 + (raw - bias) / gain) / f^2 in ADU^2 (the masters have no variance here), times gain^2.
                    var variance = ((4.0 / 2) * (4.0 / 2) + (rawValue - 100) / 2) / (f * f) * 4;
                    Assert.Equal(expected, product.Image.Data[y * 4 + x], 3);
                    Assert.Equal(variance, product.Image.Variance[y * 4 + x], 3);
                }
            }
        }

        [Fact]
        public void Given_a_saturated_pixel_and_a_zero_in_the_flat_When_detrended_Then_they_are_flagged()
        {
            var raw = Images.Frame(Images.Of(3, 1, (x, _) => x == 0 ? 65535 : 1000), "SCIENCE", 10);
            var flat = Images.Frame(Images.Of(3, 1, (x, _) => x == 2 ? 0 : 1), "MASTER_FLAT");
            var bias = Images.Frame(Images.Constant(3, 1, 0), "MASTER_BIAS");
            var image = Assert.Single(Assert.IsType<RecipeSucceeded>(Recipe.Run(Images.Input([raw], Images.Detector(saturation: 65535), bias, flat), new ReduceImageParameters(), default)).Products).Image;
            Assert.Equal((ushort)MaskBits.Saturated, image.Mask[0]);
            Assert.Equal(0, image.Mask[1]);
            Assert.Equal((ushort)MaskBits.NoData, image.Mask[2]);
            Assert.True(float.IsNaN(image.Data[2]));
        }

        [Fact]
        public void Given_keep_intermediates_When_detrended_Then_the_frame_before_flat_division_comes_too()
        {
            var raw = Images.Frame(Images.Constant(2, 2, 500), "SCIENCE", 10);
            var input = new RecipeInput
            {
                Frames = [raw],
                Calibrations = new Dictionary<string, RecipeFrame> { ["MASTER_BIAS"] = Images.Frame(Images.Constant(2, 2, 100), "MASTER_BIAS"), ["MASTER_FLAT"] = Images.Frame(Images.Constant(2, 2, 2), "MASTER_FLAT") },
                KeepIntermediates = true,
            };
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(input, new ReduceImageParameters(), default));
            Assert.All(ok.Products.Single(p => p.Category == "DEBIASED_IMAGE").Image.Data, v => Assert.Equal(400f, v));
            Assert.All(ok.Products.Single(p => p.Category == "REDUCED_IMAGE").Image.Data, v => Assert.Equal(200f, v));
        }

        [Fact]
        public void Given_no_master_flat_When_flat_division_is_on_Then_calibration_not_found_and_when_off_Then_the_frame_is_reduced()
        {
            var raw = Images.Frame(Images.Constant(2, 2, 500), "SCIENCE", 10);
            var bias = Images.Frame(Images.Constant(2, 2, 100), "MASTER_BIAS");
            Assert.Equal("MASTER_FLAT", Assert.IsType<CalibrationNotFound>(Recipe.Run(Images.Input([raw], null, bias), new ReduceImageParameters(), default)).Category);
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(Images.Input([raw], null, bias), new ReduceImageParameters { DivideFlat = false }, default));
            Assert.All(ok.Products[0].Image.Data, v => Assert.Equal(400f, v));
            Assert.Contains("reduce_image: no MASTER_DARK: dark current not subtracted", ok.Products[0].History);
        }
    }

    public class Astrometry
    {
        [Fact]
        public void Given_no_reference_catalog_When_reduced_Then_astrometry_is_skipped_and_HISTORY_says_so()
        {
            var raw = Images.Frame(Images.Constant(8, 8, 500), "SCIENCE", 10);
            var bias = Images.Frame(Images.Constant(8, 8, 100), "MASTER_BIAS");

            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(Images.Input([raw], null, bias), new ReduceImageParameters { DivideFlat = false }, default));

            var product = Assert.Single(ok.Products);
            Assert.Contains("reduce_image: no reference catalog given (--reference-catalog): astrometry and zero point skipped", product.History);
            Assert.Empty(product.Tables);
            Assert.False(product.Qc.ContainsKey("astrom_matches"));
            Assert.Null(product.Image.Wcs);
        }

        [Fact]
        public void Given_a_catalog_but_a_frame_without_a_header_WCS_When_reduced_Then_the_frame_is_still_reduced_and_HISTORY_says_why()
        {
            var raw = Images.Frame(Images.Constant(8, 8, 500), "SCIENCE", 10);
            var bias = Images.Frame(Images.Constant(8, 8, 100), "MASTER_BIAS");
            var input = Images.Input([raw], null, bias);
            input = new RecipeInput { Frames = input.Frames, Calibrations = input.Calibrations, Detector = input.Detector, ReferenceCatalog = new Parallax.Imaging.Astrometry.ReferenceCatalog([1.0], [2.0]) };

            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(input, new ReduceImageParameters { DivideFlat = false }, default));

            Assert.Contains(ok.Products[0].History, h => h.StartsWith("reduce_image: astrometry skipped: the frame has no usable header WCS", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_the_connections_Then_reduce_image_uses_the_reference_catalog_and_declares_its_QC()
        {
            Assert.True(Recipe.Connections.UsesReferenceCatalog);
            var qc = Recipe.Connections.OutputFor("REDUCED_IMAGE")!.Qc;
            foreach (var name in new[] { "astrom_rms_px", "astrom_rms_arcsec", "astrom_matches", "zp_mag", "zp_err", "zp_stars" }) Assert.True(qc.ContainsKey(name), name);
        }
    }

    public class CosmicRays
    {
        [Fact]
        public void Given_a_sharp_hit_on_a_smooth_frame_When_detrended_with_cosmic_rays_on_Then_exactly_its_pixels_are_flagged_and_cleaned()
        {
            // Sky of 1000 ADU with 10 ADU noise, gain 1, read noise 10 e-: a 2-pixel hit of +3000 ADU stands 300 sigma above it.
            var image = Images.Noisy(64, 64, 1000, 10, seed: 5);
            image.Data[30 * 64 + 20] += 3000;
            image.Data[30 * 64 + 21] += 2500;
            var raw = Images.Frame(image, "SCIENCE", 10);
            var bias = Images.Frame(Images.Constant(64, 64, 0), "MASTER_BIAS");
            var parameters = new ReduceImageParameters { DivideFlat = false, CosmicRays = true };
            var product = Images.Single(Recipe.Run(Images.Input([raw], Images.Detector(gain: 1, readNoise: 10), bias), parameters, default), "REDUCED_IMAGE");
            var flagged = Enumerable.Range(0, product.Image.PixelCount).Where(i => (product.Image.Mask[i] & (ushort)MaskBits.CosmicRay) != 0).ToArray();
            Assert.Equal([30 * 64 + 20, 30 * 64 + 21], flagged);
            Assert.Equal(2, product.Qc["cosmic_ray_pixels"]);
            Assert.InRange(product.Image.Data[30 * 64 + 20], 960, 1040);
        }
    }

    public class Shapes
    {
        [Fact]
        public void Given_one_frame_with_a_malformed_BIASSEC_When_detrended_Then_it_is_skipped_by_name_and_the_other_is_reduced()
        {
            var bad = Images.Constant(6, 4, 500);
            bad.Header.Set("BIASSEC", "[1:2,1:");
            var frames = new[] { Images.Frame(bad, "SCIENCE", 10, "bad.fits"), Images.Frame(Images.Constant(6, 4, 500), "SCIENCE", 10, "good.fits") };
            var bias = Images.Frame(Images.Constant(6, 4, 100), "MASTER_BIAS");
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(Images.Input(frames, null, bias), new ReduceImageParameters { DivideFlat = false }, default));
            Assert.Equal("good.fits", Assert.Single(ok.Products).DerivedFrom);
            var skipped = Assert.Single(ok.Skipped);
            Assert.Equal("bad.fits", skipped.Name);
            Assert.StartsWith("BIASSEC '[1:2,1:'", skipped.Reason);
        }

        [Fact]
        public void Given_a_master_bias_of_another_size_When_detrended_Then_the_data_are_unprocessable_and_the_message_names_it()
        {
            var raw = Images.Frame(Images.Constant(6, 4, 500), "SCIENCE", 10);
            var bias = Images.Frame(Images.Constant(2, 2, 100), "MASTER_BIAS", name: "small.fits");
            var outcome = Recipe.Run(Images.Input([raw], null, bias), new ReduceImageParameters { DivideFlat = false }, default);
            Assert.Equal("calibration MASTER_BIAS small.fits is 2×2 but the frames are 6×4 after trimming", Assert.IsType<UnprocessableData>(outcome).Reason);
        }
    }

    public class Validate
    {
        [Fact]
        public void Given_every_step_off_When_validated_Then_the_recipe_would_do_nothing_and_says_so()
            => Assert.Single(new ReduceImageParameters { SubtractBias = false, SubtractDark = false, DivideFlat = false }.Validate());
    }
}
