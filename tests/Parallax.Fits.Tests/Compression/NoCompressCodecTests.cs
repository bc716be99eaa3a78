using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class NoCompressCodecTests
{
    public class Decode
    {
        [Fact]
        public void Given_fpack_d_tiles_When_decoded_Then_pixels_equal_funpack()
        {
            var vector = CompressionVector.Load("nocompress_i16");
            foreach (var tile in vector.Tiles)
            {
                var bytes = new byte[2 * tile.Pixels];
                NoCompressCodec.Decode(vector.Compressed(tile), bytes);
                var pixels = new short[tile.Pixels];

                BigEndianValues.Read(bytes, pixels);

                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels.Select(p => (int)p).ToArray(), $"tile {tile.Row}");
            }
        }

        [Fact]
        public void Given_a_tile_of_the_wrong_size_When_decoded_Then_FitsFormatException()
        {
            Assert.Throws<FitsFormatException>(() => NoCompressCodec.Decode(new byte[10], new byte[12]));
        }
    }
}
