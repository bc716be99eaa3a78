using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class HCompressCodecTests
{
    public static IEnumerable<object[]> IntegerCases()
        => CompressionVector.Cases(v => v.Algorithm == CompressionAlgorithm.HCompress1 && !v.ExpectsFloats);

    public class Decode
    {
        [Theory]
        [MemberData(nameof(IntegerCases), MemberType = typeof(HCompressCodecTests))]
        public void Given_tiles_compressed_by_CFITSIO_When_decoded_Then_pixels_equal_astropy_bit_for_bit(string name)
        {
            // covers lossless 16- and 32-bit tiles (including full-range 32-bit values), lossy
            // tiles with relative and absolute SCALE, and astropy's SMOOTH = T tiles
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles)
            {
                var pixels = new int[tile.Pixels];

                var header = HCompressCodec.Decode(vector.Compressed(tile), pixels, vector.Smooth);

                Assert.Equal((tile.Height, tile.Width), (header.Rows, header.Columns));
                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels, $"{name} tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_a_smoothed_lossy_tile_When_decoded_without_smoothing_Then_pixels_differ_from_astropy()
        {
            // proves the SMOOTH vector exercises the smoothing: ignoring it gives other pixels
            var vector = CompressionVector.Load("hcomp_i16_smooth");
            var tile = vector.Tiles[0];
            var pixels = new int[tile.Pixels];

            HCompressCodec.Decode(vector.Compressed(tile), pixels, smooth: false);

            Assert.NotEqual(vector.ExpectedIntegers(tile), pixels);
        }

        [Fact]
        public void Given_a_lossy_tile_When_the_header_is_read_Then_the_stored_scale_is_positive()
        {
            var vector = CompressionVector.Load("hcomp_i16_abs");

            var header = HCompressCodec.ReadHeader(vector.Compressed(vector.Tiles[0]));

            Assert.Equal(25, header.Scale);    // fpack -s -25: an absolute scale of 25
        }

        [Fact]
        public void Given_a_stream_for_another_tile_size_When_decoded_Then_FitsFormatException()
        {
            var vector = CompressionVector.Load("hcomp_i16");
            var tile = vector.Tiles[0];

            var e = Assert.Throws<FitsFormatException>(() => HCompressCodec.Decode(vector.Compressed(tile), new int[tile.Pixels - 1], false));

            Assert.Contains("expected", e.Message);
        }

        [Fact]
        public void Given_a_wrong_magic_number_When_decoded_Then_FitsFormatException()
        {
            var data = new byte[40];

            var e = Assert.Throws<FitsFormatException>(() => HCompressCodec.Decode(data, new int[16], false));

            Assert.Contains("magic", e.Message);
        }
    }
}
