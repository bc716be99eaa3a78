using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class RiceCodecTests
{
    public static IEnumerable<object[]> RiceIntegerCases()
        => CompressionVector.Cases(v => v.Algorithm == CompressionAlgorithm.Rice1 && !v.ExpectsFloats);

    public class Decode
    {
        [Theory]
        [MemberData(nameof(RiceIntegerCases), MemberType = typeof(RiceCodecTests))]
        public void Given_tiles_compressed_by_CFITSIO_When_decoded_Then_pixels_equal_astropy_bit_for_bit(string name)
        {
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles)
            {
                var pixels = new int[tile.Pixels];

                RiceCodec.Decode(vector.Compressed(tile), pixels, vector.BytePix, vector.BlockSize);

                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels, $"{name} tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_a_BYTEPIX_2_tile_When_decoded_into_shorts_Then_values_are_the_signed_pixels()
        {
            var vector = CompressionVector.Load("rice_i16");
            foreach (var tile in vector.Tiles)
            {
                var pixels = new short[tile.Pixels];

                RiceCodec.Decode(vector.Compressed(tile), pixels, vector.BlockSize);

                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels.Select(p => (int)p).ToArray(), $"tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_a_BYTEPIX_1_tile_When_decoded_into_bytes_Then_values_are_the_unsigned_pixels()
        {
            var vector = CompressionVector.Load("rice_u8");
            foreach (var tile in vector.Tiles)
            {
                var pixels = new byte[tile.Pixels];

                RiceCodec.Decode(vector.Compressed(tile), pixels, vector.BlockSize);

                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels.Select(p => (int)p).ToArray(), $"tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_an_empty_tile_When_decoded_Then_nothing_is_read()
        {
            RiceCodec.Decode(ReadOnlySpan<byte>.Empty, Span<int>.Empty, 4, 32);
        }

        [Theory]
        [InlineData(3)]
        [InlineData(8)]
        [InlineData(0)]
        public void Given_a_BYTEPIX_other_than_1_2_4_When_decoded_Then_FitsFormatException(int bytePix)
        {
            var e = Assert.Throws<FitsFormatException>(() => RiceCodec.Decode(new byte[16], new int[4], bytePix, 32));
            Assert.Contains("BYTEPIX", e.Message);
        }

        [Fact]
        public void Given_a_block_code_above_the_largest_When_decoded_Then_FitsFormatException_names_it()
        {
            // BYTEPIX 4: first value 0 in 32 bits, then the 5-bit code 31 (FSMAX + 1 = 26 is the largest valid)
            var data = new byte[] { 0, 0, 0, 0, 0b1111_1000, 0, 0, 0 };

            var e = Assert.Throws<FitsFormatException>(() => RiceCodec.Decode(data, new int[4], 4, 32));

            Assert.Contains("block code 31", e.Message);
        }
    }

    public class Encode
    {
        [Theory]
        [MemberData(nameof(RiceIntegerCases), MemberType = typeof(RiceCodecTests))]
        public void Given_the_pixels_of_a_CFITSIO_tile_When_encoded_Then_bytes_are_identical_to_CFITSIO(string name)
        {
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles)
            {
                var encoded = RiceCodec.Encode(vector.ExpectedIntegers(tile), vector.BytePix, vector.BlockSize);

                Assert.Equal(vector.Compressed(tile), encoded);
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void Given_random_tiles_of_every_length_0_to_256_When_round_tripped_Then_pixels_are_unchanged(int bytePix)
        {
            var random = new Random(1234 + bytePix);
            for (var length = 0; length <= 256; length++)
            {
                foreach (var spread in new[] { 0, 3, 300, int.MaxValue })
                {
                    var pixels = RandomPixels(random, length, bytePix, spread);

                    var decoded = new int[length];
                    RiceCodec.Decode(RiceCodec.Encode(pixels, bytePix, 32), decoded, bytePix, 32);

                    PixelAssert.Equal(pixels, decoded, $"length {length}, spread {spread}");
                }
            }
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(2, 7)]
        [InlineData(4, 16)]
        [InlineData(2, 64)]
        [InlineData(4, 2000)]
        public void Given_other_block_sizes_When_round_tripped_Then_pixels_are_unchanged(int bytePix, int blockSize)
        {
            var random = new Random(blockSize);
            foreach (var spread in new[] { 0, 10, 5000, int.MaxValue })
            {
                var pixels = RandomPixels(random, 3000, bytePix, spread);

                var decoded = new int[pixels.Length];
                RiceCodec.Decode(RiceCodec.Encode(pixels, bytePix, blockSize), decoded, bytePix, blockSize);

                PixelAssert.Equal(pixels, decoded, $"spread {spread}");
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void Given_extreme_alternating_values_When_round_tripped_Then_differences_wrap_correctly(int bytePix)
        {
            var (min, max) = Range(bytePix);
            var pixels = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? min : max).ToArray();

            var decoded = new int[pixels.Length];
            RiceCodec.Decode(RiceCodec.Encode(pixels, bytePix, 32), decoded, bytePix, 32);

            PixelAssert.Equal(pixels, decoded, "alternating extremes");
        }

        [Fact]
        public void Given_a_destination_shorter_than_the_bound_When_encoded_Then_ArgumentException()
        {
            Assert.Throws<ArgumentException>(() => RiceCodec.Encode(new int[100], 4, 32, new byte[10]));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void Given_worst_case_data_When_encoded_Then_the_bound_holds(int bytePix)
        {
            // blocks whose mean sits just under a split-level boundary, with one large outlier each
            var (min, max) = Range(bytePix);
            var random = new Random(bytePix);
            var pixels = new int[4096];
            for (var i = 0; i < pixels.Length; i++)
                pixels[i] = i % 32 == 0 ? random.Next(min, max) : random.Next(-3, 4);

            var buffer = new byte[RiceCodec.MaxEncodedLength(pixels.Length, bytePix, 32)];
            var written = RiceCodec.Encode(pixels, bytePix, 32, buffer);

            Assert.InRange(written, 1, buffer.Length);
        }
    }

    internal static (int Min, int Max) Range(int bytePix) => bytePix switch
    {
        1 => (0, 255),
        2 => (short.MinValue, short.MaxValue),
        _ => (int.MinValue, int.MaxValue),
    };

    /// <summary>A random walk of the given step spread, wrapped to the pixel width's range.</summary>
    internal static int[] RandomPixels(Random random, int length, int bytePix, int spread)
    {
        var (min, max) = Range(bytePix);
        var pixels = new int[length];
        long value = random.Next(min, max);
        for (var i = 0; i < length; i++)
        {
            value = spread == int.MaxValue ? random.NextInt64(min, (long)max + 1) : value + random.Next(-spread, spread + 1);
            if (value < min || value > max) value = random.NextInt64(min, (long)max + 1);
            pixels[i] = (int)value;
        }
        return pixels;
    }
}
