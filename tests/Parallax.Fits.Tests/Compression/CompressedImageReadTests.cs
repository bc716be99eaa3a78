using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// Whole .fits.fz files of data/compression (written by fpack or astropy, decoded by astropy and
/// funpack: make_compression_vectors.py) read through the public image API: the tiles recorded
/// in each case's JSON must come out of <see cref="ImageHdu.ReadFloat32()"/>, <see cref="ImageHdu.ReadSection"/>
/// and <see cref="ImageHdu.ReadRaw"/> with the reference values.
/// </summary>
public class CompressedImageReadTests
{
    public static IEnumerable<object[]> AllCases() => CompressionVector.Cases(_ => true);

    private static ImageHdu OpenImage(FitsFile file)
        => file.Hdus.OfType<ImageHdu>().Single(h => h.Kind == HduKind.CompressedImage);

    /// <summary>Where a recorded tile lies in the image (the vectors are 2-D, tiles numbered along x first).</summary>
    private static (int X0, int Y0) Corner(CompressionVector v, ImageHdu image, TileVector tile)
    {
        var across = (image.Width + v.ZTile[0] - 1) / v.ZTile[0];
        return ((tile.Row - 1) % across * v.ZTile[0], (tile.Row - 1) / across * (v.ZTile.Length > 1 ? v.ZTile[1] : 1));
    }

    public class ReadFloat32
    {
        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CompressedImageReadTests))]
        public void Given_a_compressed_file_When_the_whole_image_is_read_Then_the_recorded_tiles_equal_the_reference(string name)
        {
            var v = CompressionVector.Load(name);
            using var file = FitsFile.Open(Path.Combine(CompressionVector.Folder, name + ".fits.fz"));
            var image = OpenImage(file);

            var all = image.ReadFloat32();

            Assert.Equal(v.ZBitpix, image.Bitpix);
            Assert.Equal(v.Algorithm, image.Compression!.Algorithm);
            Assert.Equal(v.ZTile, image.Compression.TileAxes);
            foreach (var tile in v.Tiles)
            {
                var (x0, y0) = Corner(v, image, tile);
                var got = new float[tile.Pixels];
                for (var r = 0; r < tile.Height; r++)
                    all.AsSpan((y0 + r) * image.Width + x0, tile.Width).CopyTo(got.AsSpan(r * tile.Width));
                var expected = v.ExpectsFloats ? v.ExpectedFloats(tile) : v.ExpectedIntegers(tile).Select(i => (float)i).ToArray();
                PixelAssert.SameFloats(expected, got, $"{name} tile {tile.Row}");
            }
        }
    }

    public class ReadRaw
    {
        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CompressedImageReadTests))]
        public void Given_a_compressed_file_When_raw_values_are_read_Then_integers_are_exact_and_floats_bit_identical(string name)
        {
            var v = CompressionVector.Load(name);
            using var file = FitsFile.Open(Path.Combine(CompressionVector.Folder, name + ".fits.fz"));
            var image = OpenImage(file);

            var raw = image.ReadRaw();

            foreach (var tile in v.Tiles)
            {
                var (x0, y0) = Corner(v, image, tile);
                if (v.ExpectsFloats)
                {
                    var floats = (float[])raw;
                    var got = Enumerable.Range(0, tile.Pixels).Select(i => floats[(y0 + i / tile.Width) * image.Width + x0 + i % tile.Width]).ToArray();
                    PixelAssert.SameFloats(v.ExpectedFloats(tile), got, $"{name} tile {tile.Row}");
                }
                else
                {
                    var got = Enumerable.Range(0, tile.Pixels).Select(i => Convert.ToInt32(raw.GetValue((y0 + i / tile.Width) * image.Width + x0 + i % tile.Width))).ToArray();
                    PixelAssert.Equal(v.ExpectedIntegers(tile), got, $"{name} tile {tile.Row}");
                }
            }
        }
    }

    public class ReadSection
    {
        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CompressedImageReadTests))]
        public void Given_a_compressed_file_When_sections_are_read_Then_they_equal_the_same_pixels_of_the_whole_image(string name)
        {
            using var file = FitsFile.Open(Path.Combine(CompressionVector.Folder, name + ".fits.fz"));
            var image = OpenImage(file);
            var all = image.ReadFloat32();
            var doubles = image.ReadFloat64();
            var rng = new Random(name.Length);
            for (var k = 0; k < 25; k++)
            {
                // sections that start and end inside tiles, span several tiles, or are single pixels
                var x0 = rng.Next(image.Width);
                var y0 = rng.Next(image.Height);
                var w = k % 5 == 0 ? 1 : rng.Next(1, image.Width - x0 + 1);
                var h = k % 5 == 0 ? 1 : rng.Next(1, image.Height - y0 + 1);

                var section = image.ReadSection(x0, y0, w, h);

                for (var r = 0; r < h; r++)
                    PixelAssert.SameFloats(all.AsSpan((y0 + r) * image.Width + x0, w), section.AsSpan(r * w, w), $"{name} section ({x0},{y0}) {w}×{h} row {r}");
            }
            PixelAssert.SameFloats(all, doubles.Select(d => (float)d).ToArray(), $"{name} float64 read rounded to float32");
        }

        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CompressedImageReadTests))]
        public void Given_a_compressed_file_When_rows_and_linear_ranges_are_read_Then_they_equal_the_whole_image(string name)
        {
            using var file = FitsFile.Open(Path.Combine(CompressionVector.Folder, name + ".fits.fz"));
            var image = OpenImage(file);
            var all = image.ReadFloat32();

            var band = image.ReadRows(image.Height / 3, image.Height / 2);
            var run = new float[image.Width * 2 + 17];
            var start = image.Width / 2 + image.Width * 3;
            image.ReadFloat32(start, run);

            PixelAssert.SameFloats(all.AsSpan(image.Height / 3 * image.Width, band.Length), band, $"{name} rows");
            PixelAssert.SameFloats(all.AsSpan(start, run.Length), run, $"{name} linear range");
        }
    }
}
