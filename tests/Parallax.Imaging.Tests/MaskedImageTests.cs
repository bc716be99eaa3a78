using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests;

/// <summary>
/// MaskedImage arithmetic: shapes checked, first-order variance propagation (truth: the formula in
/// double; tolerance 1e-5 relative), masks ORed, units combined. A big image takes the parallel
/// row-band path and must give exactly what the same pixels give in a small image.
/// </summary>
public class MaskedImageTests
{
    private static MaskedImage Image(int w, int h, int seed, float level = 100, string unit = PixelUnits.Adu)
    {
        var g = new Gaussian(seed);
        var img = new MaskedImage(w, h, unit);
        for (var i = 0; i < img.PixelCount; i++)
        {
            img.Data[i] = (float)(level + 10 * g.Next());
            img.Variance[i] = (float)(1 + 4 * g.Uniform());
        }
        return img;
    }

    public class Construction
    {
        [Fact]
        public void Given_arrays_of_the_wrong_length_When_an_image_is_built_Then_the_message_names_the_sizes()
        {
            var e = Assert.Throws<ArgumentException>(() => new MaskedImage(4, 3, new float[11]));
            Assert.Contains("4×3 = 12", e.Message);
        }

        [Fact]
        public void Given_no_variance_or_mask_When_an_image_is_built_Then_both_are_zero_and_the_header_is_empty()
        {
            var img = new MaskedImage(5, 2, new float[10]);
            Assert.All(img.Variance, v => Assert.Equal(0f, v));
            Assert.All(img.Mask, m => Assert.Equal((ushort)0, m));
            Assert.Equal(0, img.Header.Count);
            Assert.Equal("adu", img.Unit);
        }

        [Fact]
        public void Given_an_image_When_rows_are_taken_Then_they_are_views_of_the_arrays()
        {
            var img = new MaskedImage(3, 2);
            img.DataRow(1)[2] = 7;
            Assert.Equal(7f, img.Data[5]);
            Assert.Throws<ArgumentOutOfRangeException>(() => img.DataRow(2));
        }

        [Fact]
        public void Given_nan_pixels_When_flagged_Then_only_they_get_the_bit()
        {
            var img = new MaskedImage(4, 1, [1f, float.NaN, float.PositiveInfinity, 2f]);
            Assert.Equal(2, img.FlagNonFinite(MaskBits.NoData));
            Assert.Equal(new ushort[] { 0, 64, 64, 0 }, img.Mask);
        }
    }

    public class Add
    {
        [Fact]
        public void Given_two_images_When_added_Then_values_and_variances_add_and_masks_or()
        {
            var a = Image(6, 5, 1);
            var b = Image(6, 5, 2);
            a.Mask[3] = (ushort)MaskBits.Saturated;
            b.Mask[3] = (ushort)MaskBits.CosmicRay;
            b.Mask[4] = (ushort)MaskBits.Hot;
            var c = a + b;
            for (var i = 0; i < a.PixelCount; i++)
            {
                Close.Equal((double)a.Data[i] + b.Data[i], c.Data[i], 1e-6);
                Close.Equal((double)a.Variance[i] + b.Variance[i], c.Variance[i], 1e-6);
            }
            Assert.Equal((ushort)(MaskBits.Saturated | MaskBits.CosmicRay), c.Mask[3]);
            Assert.Equal((ushort)MaskBits.Hot, c.Mask[4]);
            Assert.Equal((ushort)0, a.Mask[4]);
        }

        [Fact]
        public void Given_images_of_different_shapes_When_added_Then_the_message_gives_both_shapes()
        {
            var e = Assert.Throws<ArgumentException>(() => Image(6, 5, 1) + Image(5, 6, 2));
            Assert.Contains("6×5 and 5×6", e.Message);
        }

        [Fact]
        public void Given_images_in_different_units_When_added_Then_it_refuses()
        {
            var e = Assert.Throws<ArgumentException>(() => Image(2, 2, 1) + Image(2, 2, 2, unit: PixelUnits.Electron));
            Assert.Contains("'adu' and 'electron'", e.Message);
        }

        [Fact]
        public void Given_a_scalar_with_variance_When_added_Then_its_variance_adds_to_every_pixel()
        {
            var a = Image(3, 3, 4);
            var c = a + new ValueWithVariance(5f, 0.5f);
            for (var i = 0; i < a.PixelCount; i++)
            {
                Close.Equal(a.Data[i] + 5.0, c.Data[i], 1e-6);
                Close.Equal(a.Variance[i] + 0.5, c.Variance[i], 1e-6);
            }
        }
    }

    public class Subtract
    {
        [Fact]
        public void Given_a_master_bias_When_subtracted_in_place_Then_no_new_image_and_variances_add()
        {
            var frame = Image(8, 4, 5, level: 1000);
            var bias = Image(8, 4, 6, level: 500);
            var before = frame.Clone();
            var result = frame.SubtractInPlace(bias);
            Assert.Same(frame, result);
            for (var i = 0; i < frame.PixelCount; i++)
            {
                Close.Equal((double)before.Data[i] - bias.Data[i], frame.Data[i], 1e-6);
                Close.Equal((double)before.Variance[i] + bias.Variance[i], frame.Variance[i], 1e-6);
            }
        }
    }

    public class Multiply
    {
        [Fact]
        public void Given_two_images_When_multiplied_Then_variance_is_va_b2_plus_vb_a2_and_units_multiply()
        {
            var a = Image(7, 3, 7, unit: PixelUnits.Adu);
            var b = Image(7, 3, 8, level: 2, unit: "electron/adu");
            var c = a * b;
            for (var i = 0; i < a.PixelCount; i++)
            {
                double x = a.Data[i], y = b.Data[i];
                Close.Equal(x * y, c.Data[i], 1e-6);
                Close.Equal(a.Variance[i] * y * y + b.Variance[i] * x * x, c.Variance[i], 1e-5);
            }
            Assert.Equal("adu*electron/adu", c.Unit);
        }

        [Fact]
        public void Given_a_gain_with_uncertainty_When_multiplied_Then_the_gain_variance_enters_as_a_squared()
        {
            var a = Image(4, 4, 9);
            var gain = new ValueWithVariance(2.1f, 0.0004f);
            var c = a * gain;
            for (var i = 0; i < a.PixelCount; i++)
            {
                double x = a.Data[i];
                Close.Equal(x * 2.1f, c.Data[i], 1e-6);
                Close.Equal(a.Variance[i] * (double)2.1f * 2.1f + 0.0004f * x * x, c.Variance[i], 1e-5);
            }
            Assert.Equal(PixelUnits.Adu, c.Unit);
        }
    }

    public class Divide
    {
        [Fact]
        public void Given_a_flat_When_divided_Then_variance_is_va_over_b2_plus_vb_a2_over_b4()
        {
            var a = Image(9, 9, 10, level: 1000);
            var flat = Image(9, 9, 11, level: 1);
            for (var i = 0; i < flat.PixelCount; i++) flat.Data[i] = 0.8f + 0.4f * (i % 7) / 7f;
            var c = a / flat;
            for (var i = 0; i < a.PixelCount; i++)
            {
                double x = a.Data[i], y = flat.Data[i];
                Close.Equal(x / y, c.Data[i], 1e-6);
                Close.Equal(a.Variance[i] / (y * y) + flat.Variance[i] * x * x / (y * y * y * y), c.Variance[i], 1e-5);
            }
            Assert.All(c.Mask, m => Assert.Equal((ushort)0, m));
        }

        [Fact]
        public void Given_a_zero_divisor_When_divided_Then_that_pixel_is_flagged_bad()
        {
            var a = Image(3, 1, 12);
            var b = new MaskedImage(3, 1, [1f, 0f, 2f]);
            var c = a / b;
            Assert.True(float.IsInfinity(c.Data[1]));
            Assert.Equal((ushort)MaskBits.BadPixel, c.Mask[1]);
            Assert.Equal((ushort)0, c.Mask[0]);
            Assert.Equal(PixelUnits.Dimensionless, (a / a.Clone()).Unit);
        }

        [Fact]
        public void Given_an_exposure_time_When_divided_Then_variance_scales_by_one_over_t2()
        {
            var a = Image(5, 5, 13);
            var c = a / 30f;
            for (var i = 0; i < a.PixelCount; i++) Close.Equal(a.Variance[i] / 900.0, c.Variance[i], 1e-6);
        }
    }

    public class ParallelPath
    {
        [Fact]
        public void Given_an_image_above_the_parallel_threshold_When_multiplied_Then_each_pixel_equals_the_small_image_result()
        {
            // 1100 × 300 = 330 000 pixels: row bands in parallel. The first 40 rows form a small image computed inline.
            var a = Image(1100, 300, 14);
            var b = Image(1100, 300, 15, level: 3);
            a.Mask[123_456] = 1;
            var big = a * b;
            var n = 1100 * 40;
            var small = new MaskedImage(1100, 40, a.Data[..n], a.Variance[..n], a.Mask[..n]) * new MaskedImage(1100, 40, b.Data[..n], b.Variance[..n], b.Mask[..n]);
            Assert.Equal(small.Data, big.Data[..n]);
            Assert.Equal(small.Variance, big.Variance[..n]);
            for (var i = 0; i < a.PixelCount; i += 997) Close.Equal((double)a.Data[i] * b.Data[i], big.Data[i], 1e-6);
            Assert.Equal((ushort)1, big.Mask[123_456]);
        }
    }
}
