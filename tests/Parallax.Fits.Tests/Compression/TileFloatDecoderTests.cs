using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class TileFloatDecoderTests
{
    public static IEnumerable<object[]> FloatCases() => CompressionVector.Cases(v => v.ExpectsFloats);

    public class Decode
    {
        [Theory]
        [MemberData(nameof(FloatCases), MemberType = typeof(TileFloatDecoderTests))]
        public void Given_any_float_tile_When_decoded_Then_floats_equal_the_reference(string name)
        {
            // lossless GZIP_1/2 floats and quantised floats of every codec and dither method
            var vector = CompressionVector.Load(name);
            var method = QuantizationMethods.Parse(vector.ZQuantiz);
            foreach (var tile in vector.Tiles)
            {
                var quantization = method == QuantizationMethod.None
                    ? new TileQuantization(1, 0, QuantizationMethod.None, null, tile.Row)
                    : vector.Quantization(tile);
                var floats = new float[tile.Pixels];

                TileFloatDecoder.Decode(vector.Algorithm, vector.Compressed(tile), floats, vector.CodecParameters, quantization);

                PixelAssert.SameFloats(vector.ExpectedFloats(tile), floats, $"{name} tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_a_lossless_double_tile_When_decoded_to_double_and_float_Then_values_are_kept_and_rounded()
        {
            double[] values = [1.0 / 3, -2.5e300, double.NaN, 0.0];
            var bytes = new byte[8 * values.Length];
            BigEndianValues.Write(values, bytes);
            var compressed = GzipCodec.Encode(bytes, 8, shuffle: true);
            var none = new TileQuantization(1, 0, QuantizationMethod.None, null, 1);
            var doubles = new double[4];
            var floats = new float[4];

            TileFloatDecoder.Decode(CompressionAlgorithm.Gzip2, compressed, doubles, TileCodecParameters.Default, none);
            TileFloatDecoder.Decode(CompressionAlgorithm.Gzip2, compressed, floats, TileCodecParameters.Default, none);

            Assert.Equal(values, doubles);
            Assert.Equal((float)(1.0 / 3), floats[0]);
            Assert.True(float.IsNaN(floats[2]));
        }

        [Fact]
        public void Given_unquantised_floats_claimed_in_a_Rice_tile_When_decoded_Then_FitsFormatException()
        {
            var none = new TileQuantization(1, 0, QuantizationMethod.None, null, 1);

            Assert.Throws<FitsFormatException>(() => TileFloatDecoder.Decode(CompressionAlgorithm.Rice1, new byte[8], new float[2], TileCodecParameters.Default, none));
        }
    }
}
