using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class GzipCodecTests
{
    public static IEnumerable<object[]> IntegerCases()
        => CompressionVector.Cases(v => v.Algorithm is CompressionAlgorithm.Gzip1 or CompressionAlgorithm.Gzip2 && !v.ExpectsFloats);

    public static IEnumerable<object[]> LosslessFloatCases()
        => CompressionVector.Cases(v => v.Algorithm is CompressionAlgorithm.Gzip1 or CompressionAlgorithm.Gzip2 && v.ZQuantiz == "NONE");

    public class DecodeTile
    {
        [Theory]
        [MemberData(nameof(IntegerCases), MemberType = typeof(GzipCodecTests))]
        public void Given_integer_tiles_compressed_by_CFITSIO_When_decoded_Then_pixels_equal_astropy(string name)
        {
            var vector = CompressionVector.Load(name);
            var shuffled = vector.Algorithm == CompressionAlgorithm.Gzip2;
            foreach (var tile in vector.Tiles)
            {
                var bytes = new byte[8 * tile.Pixels];

                var width = GzipCodec.DecodeTile(vector.Compressed(tile), tile.Pixels, shuffled, bytes);

                Assert.Equal(vector.ZBitpix / 8, width);
                PixelAssert.Equal(vector.ExpectedIntegers(tile), Widen(bytes, width, tile.Pixels), $"{name} tile {tile.Row}");
            }
        }

        [Theory]
        [MemberData(nameof(LosslessFloatCases), MemberType = typeof(GzipCodecTests))]
        public void Given_lossless_float_tiles_When_decoded_Then_floats_equal_astropy_bit_for_bit(string name)
        {
            var vector = CompressionVector.Load(name);
            var shuffled = vector.Algorithm == CompressionAlgorithm.Gzip2;
            foreach (var tile in vector.Tiles)
            {
                var bytes = new byte[8 * tile.Pixels];
                var width = GzipCodec.DecodeTile(vector.Compressed(tile), tile.Pixels, shuffled, bytes);
                var floats = new float[tile.Pixels];

                BigEndianValues.Read(bytes.AsSpan(0, width * tile.Pixels), floats);

                Assert.Equal(4, width);
                PixelAssert.SameFloats(vector.ExpectedFloats(tile), floats, $"{name} tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_a_tile_that_inflates_to_no_whole_pixel_width_When_decoded_Then_FitsFormatException()
        {
            var encoded = GzipCodec.Encode(new byte[30], 1, shuffle: false);

            var e = Assert.Throws<FitsFormatException>(() => GzipCodec.DecodeTile(encoded, 8, false, new byte[64]));

            Assert.Contains("30 bytes", e.Message);
        }

        [Fact]
        public void Given_a_tile_that_inflates_beyond_8_bytes_a_pixel_When_decoded_Then_FitsFormatException_without_reading_it_all()
        {
            var bomb = GzipCodec.Encode(new byte[1 << 20], 1, shuffle: false);

            var e = Assert.Throws<FitsFormatException>(() => GzipCodec.DecodeTile(bomb, 10, false, new byte[80]));

            Assert.Contains("more than", e.Message);
        }

        [Fact]
        public void Given_bytes_that_are_not_gzip_When_decoded_Then_FitsFormatException()
        {
            var e = Assert.Throws<FitsFormatException>(() => GzipCodec.DecodeTile([1, 2, 3, 4], 4, false, new byte[32]));

            Assert.Contains("gzip header", e.Message);
        }
    }

    public class Encode
    {
        [Theory]
        [InlineData(1, false)]
        [InlineData(2, false)]
        [InlineData(2, true)]
        [InlineData(4, false)]
        [InlineData(4, true)]
        [InlineData(8, true)]
        public void Given_random_tiles_of_every_length_0_to_256_When_round_tripped_Then_bytes_are_unchanged(int width, bool shuffle)
        {
            var random = new Random(width * 10 + (shuffle ? 1 : 0));
            for (var length = 0; length <= 256; length++)
            {
                var tile = new byte[length * width];
                random.NextBytes(tile);

                var encoded = GzipCodec.Encode(tile, width, shuffle);
                var decoded = new byte[8 * length];
                var found = GzipCodec.DecodeTile(encoded, length, shuffle, decoded);

                Assert.Equal(length == 0 ? 1 : width, found);
                Assert.Equal(tile, decoded.AsSpan(0, tile.Length).ToArray());
            }
        }

        [Fact]
        public void Given_a_shuffled_tile_When_encoded_by_us_Then_CFITSIOs_layout_is_used_so_its_tiles_decode_alike()
        {
            // decode a GZIP_2 tile of CFITSIO, re-encode it, decode again: the same pixels
            var vector = CompressionVector.Load("gzip2_i32");
            var tile = vector.Tiles[0];
            var bytes = new byte[8 * tile.Pixels];
            GzipCodec.DecodeTile(vector.Compressed(tile), tile.Pixels, true, bytes);

            var again = new byte[8 * tile.Pixels];
            GzipCodec.DecodeTile(GzipCodec.Encode(bytes.AsSpan(0, 4 * tile.Pixels), 4, shuffle: true), tile.Pixels, true, again);

            PixelAssert.Equal(vector.ExpectedIntegers(tile), Widen(again, 4, tile.Pixels), "re-encoded");
        }
    }

    public class Shuffle
    {
        [Fact]
        public void Given_big_endian_values_When_shuffled_Then_all_first_bytes_come_first()
        {
            byte[] values = [0x01, 0x02, 0x03, 0x04, 0x11, 0x12, 0x13, 0x14, 0x21, 0x22, 0x23, 0x24];
            var shuffled = new byte[values.Length];

            ByteShuffle.Shuffle(values, shuffled, 4);

            Assert.Equal(new byte[] { 0x01, 0x11, 0x21, 0x02, 0x12, 0x22, 0x03, 0x13, 0x23, 0x04, 0x14, 0x24 }, shuffled);
        }
    }

    internal static int[] Widen(byte[] bytes, int width, int count)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = width switch
            {
                1 => bytes[i],
                2 => (short)((bytes[2 * i] << 8) | bytes[2 * i + 1]),
                _ => (bytes[4 * i] << 24) | (bytes[4 * i + 1] << 16) | (bytes[4 * i + 2] << 8) | bytes[4 * i + 3],
            };
        }
        return values;
    }
}
