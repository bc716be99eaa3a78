using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

public class TileIntegerDecoderTests
{
    public static IEnumerable<object[]> IntegerCases() => CompressionVector.Cases(v => !v.ExpectsFloats);

    public class Decode
    {
        [Theory]
        [MemberData(nameof(IntegerCases), MemberType = typeof(TileIntegerDecoderTests))]
        public void Given_any_integer_tile_When_decoded_by_algorithm_Then_pixels_equal_the_reference(string name)
        {
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles)
            {
                var pixels = new int[tile.Pixels];

                TileIntegerDecoder.Decode(vector.Algorithm, vector.Compressed(tile), pixels, vector.CodecParameters, vector.ZBitpix);

                PixelAssert.Equal(vector.ExpectedIntegers(tile), pixels, $"{name} tile {tile.Row}");
            }
        }

        [Theory]
        [InlineData("RICE_ONE")]
        [InlineData(" rice_1 ")]
        public void Given_the_names_CFITSIO_writes_for_Rice_When_parsed_Then_they_are_RICE_1(string zcmptype)
        {
            Assert.Equal(CompressionAlgorithm.Rice1, CompressionAlgorithms.Parse(zcmptype));
        }

        [Fact]
        public void Given_an_unknown_ZCMPTYPE_When_parsed_Then_FitsFormatException_names_the_keyword()
        {
            var e = Assert.Throws<FitsFormatException>(() => CompressionAlgorithms.Parse("BZIP2_1"));

            Assert.Equal("ZCMPTYPE", e.Keyword);
        }
    }
}
