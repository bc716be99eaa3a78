using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class TileQuantizerTests
{
    public class Quantize
    {
        [Theory]
        [InlineData("NO_DITHER", 0.5)]
        [InlineData("SUBTRACTIVE_DITHER_1", 1.0)]
        [InlineData("SUBTRACTIVE_DITHER_2", 1.0)]
        public void Given_a_noisy_tile_When_quantised_and_restored_Then_every_pixel_is_within_the_method_bound(string zquantiz, double stepsOfError)
        {
            var method = QuantizationMethods.Parse(zquantiz);
            // rounding alone errs by at most half a step; a subtractive dither by at most one
            var random = new Random(5);
            var tile = Enumerable.Range(0, 4000).Select(_ => (float)(1000 + 30 * random.NextDouble())).ToArray();
            var integers = new int[tile.Length];
            const double step = 0.37;

            var (scale, zero) = TileQuantizer.Quantize(tile, integers, step, method, tileRow: 3, ditherSeed: 77)!.Value;
            var restored = new float[tile.Length];
            TileDequantizer.Dequantize(integers, restored, new TileQuantization(scale, zero, method, null, 3, 77));

            Assert.Equal(step, scale);
            for (var i = 0; i < tile.Length; i++)
                Assert.InRange(Math.Abs(restored[i] - (double)tile[i]), 0, stepsOfError * step + 1e-3);
        }

        [Fact]
        public void Given_NaN_and_zero_pixels_When_quantised_with_SUBTRACTIVE_DITHER_2_Then_NaN_and_exact_zero_come_back()
        {
            float[] tile = [5.5f, float.NaN, 0.0f, 7.25f, 0.0f, 6.0f];
            var integers = new int[tile.Length];

            var (scale, zero) = TileQuantizer.Quantize(tile, integers, 0.01, QuantizationMethod.SubtractiveDither2, 1, 1)!.Value;
            var restored = new float[tile.Length];
            TileDequantizer.Dequantize(integers, restored, new TileQuantization(scale, zero, QuantizationMethod.SubtractiveDither2, TileDequantizer.NullValue, 1, 1));

            Assert.Equal(TileDequantizer.NullValue, integers[1]);
            Assert.Equal(TileDequantizer.ZeroValue, integers[2]);
            Assert.True(float.IsNaN(restored[1]));
            Assert.Equal(0.0f, restored[2]);
            Assert.Equal(0.0f, restored[4]);
            Assert.InRange(restored[3], 7.24f, 7.26f);
        }

        [Fact]
        public void Given_a_range_too_wide_for_32_bit_integers_When_quantised_Then_null_says_store_it_losslessly()
        {
            float[] tile = [-1e30f, 1e30f];

            Assert.Null(TileQuantizer.Quantize(tile, new int[2], 1.0, QuantizationMethod.NoDither, 1, 1));
        }

        [Fact]
        public void Given_a_tile_without_NaN_When_quantised_without_dither_Then_the_zero_point_is_a_whole_number_of_steps()
        {
            float[] tile = [10.3f, 11.0f, 12.9f];

            var (_, zero) = TileQuantizer.Quantize(tile, new int[3], 0.5, QuantizationMethod.NoDither, 1, 1)!.Value;

            Assert.Equal(10.5, zero);   // round(10.3 / 0.5) × 0.5
        }
    }
}
