using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class PlioCodecTests
{
    public static IEnumerable<object[]> PlioCases()
        => CompressionVector.Cases(v => v.Algorithm == CompressionAlgorithm.Plio1);

    public class Decode
    {
        [Theory]
        [MemberData(nameof(PlioCases), MemberType = typeof(PlioCodecTests))]
        public void Given_tiles_compressed_by_CFITSIO_When_decoded_Then_pixels_equal_astropy(string name)
        {
            // plio_i16 (fpack) has runs over 4095 pixels and jumps over 4095; plio_i32 (astropy) values up to 10^6
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles)
            {
                var pixels = new int[tile.Pixels];

                PlioCodec.Decode(vector.Compressed(tile), pixels);

                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels, $"{name} tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_an_old_format_list_When_decoded_Then_each_opcode_does_what_IRAF_defines()
        {
            // 3-word header, length in word 2; then:
            //   zeros ×2 · value += 4 (5) · run of value ×3 · one pixel value − 2 (3) ·
            //   zeros ×1 then value (2 pixels) · value = 2×4096 + 5 · run ×2
            short[] words =
            [
                0, 0, 11,
                2,              // opcode 0: 2 zeros
                0x2000 | 4,     // opcode 2: value 1 + 4 = 5
                0x4000 | 3,     // opcode 4: 3 × 5
                0x7000 | 2,     // opcode 7: value 3, one pixel
                0x5000 | 2,     // opcode 5: 1 zero then one 3
                0x1000 | 5, 2,  // opcode 1: value 2 × 4096 + 5 = 8197
                0x4000 | 2,     // opcode 4: 2 × 8197
            ];
            var pixels = new int[12];

            PlioCodec.Decode(words, pixels);

            Assert.Equal(new[] { 0, 0, 5, 5, 5, 3, 0, 3, 8197, 8197, 0, 0 }, pixels);
        }

        [Fact]
        public void Given_a_list_longer_than_the_tile_When_decoded_Then_FitsFormatException()
        {
            short[] words = [0, 0, 50, 4];

            var e = Assert.Throws<FitsFormatException>(() => PlioCodec.Decode(words, new int[4]));

            Assert.Contains("50 words", e.Message);
        }

        [Fact]
        public void Given_a_set_value_opcode_without_its_second_word_When_decoded_Then_FitsFormatException()
        {
            short[] words = [0, 0, 4, 0x1000 | 5];

            Assert.Throws<FitsFormatException>(() => PlioCodec.Decode(words, new int[4]));
        }
    }

    public class Encode
    {
        [Theory]
        [MemberData(nameof(PlioCases), MemberType = typeof(PlioCodecTests))]
        public void Given_the_pixels_of_a_CFITSIO_tile_When_encoded_Then_words_are_identical_to_CFITSIO(string name)
        {
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles)
            {
                var encoded = PlioCodec.Encode(vector.ExpectedIntegers(tile));

                Assert.Equal(vector.Compressed(tile), encoded);
            }
        }

        [Fact]
        public void Given_random_masks_of_every_length_0_to_256_When_round_tripped_Then_pixels_are_unchanged()
        {
            var random = new Random(11);
            int[] palette = [0, 0, 0, 1, 2, 7, 4095, 4096, 9000, 70000, PlioEncoder.MaxValue];
            for (var length = 0; length <= 256; length++)
            {
                var pixels = new int[length];
                for (var i = 0; i < length;)
                {
                    var run = random.Next(1, 12);
                    var value = palette[random.Next(palette.Length)];
                    for (var k = 0; k < run && i < length; k++) pixels[i++] = value;
                }

                var decoded = new int[length];
                PlioCodec.Decode(PlioCodec.Encode(pixels), decoded);

                PixelAssert.Equal(pixels, decoded, $"length {length}");
            }
        }

        [Theory]
        [InlineData(4094)]
        [InlineData(4095)]
        [InlineData(4096)]
        [InlineData(8190)]
        [InlineData(12285)]
        public void Given_a_zero_run_then_a_single_pixel_When_round_tripped_Then_pixels_are_unchanged(int zeros)
        {
            // fpack -p loses such tiles when the run is a multiple of 4095 (its merged word overflows)
            var pixels = new int[zeros + 20];
            pixels[zeros] = 5;
            for (var i = zeros + 1; i < zeros + 11; i++) pixels[i] = 9;

            var decoded = new int[pixels.Length];
            PlioCodec.Decode(PlioCodec.Encode(pixels), decoded);

            PixelAssert.Equal(pixels, decoded, $"{zeros} zeros");
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(1 << 24)]
        public void Given_a_value_outside_0_to_2_pow_24_When_encoded_Then_ArgumentOutOfRangeException(int value)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => PlioCodec.Encode([0, value]));
        }
    }
}
