using System.Text;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tables;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>Broken tile-compressed images fail with one clear <see cref="FitsFormatException"/>, and never take the rest of the file with them.</summary>
public class CompressedImageBadInputTests
{
    /// <summary>A small file: empty primary, a compressed 40×30 int16 image, then a plain image.</summary>
    private static byte[] Sample()
    {
        var pixels = Enumerable.Range(0, 40 * 30).Select(i => (short)(i % 500 - 250)).ToArray();
        var stream = new MemoryStream();
        using (var w = FitsWriter.Create(stream, FitsWriteOptions.Default with { WriteChecksums = false }))
        {
            w.WriteCompressedNativeImage<short>(pixels, [40, 30]);
            w.WriteNativeImage<short>(pixels, [40, 30]);
            w.Commit();
        }
        return stream.ToArray();
    }

    /// <summary>Replaces a card's value field (columns 11-30) in the first header that has the keyword.</summary>
    private static byte[] WithCard(byte[] file, string keyword, string value)
    {
        var text = Encoding.ASCII.GetString(file);
        var at = text.IndexOf(keyword.PadRight(8) + "= ", StringComparison.Ordinal);
        Assert.True(at >= 0 && at % 80 == 0, $"no {keyword} card");
        var copy = (byte[])file.Clone();
        Encoding.ASCII.GetBytes(value.PadLeft(20)).CopyTo(copy, at + 10);
        return copy;
    }

    public class Keywords
    {
        [Fact]
        public void Given_ZNAXIS2_larger_than_the_table_When_opened_strictly_Then_FitsFormatException_names_the_rows()
        {
            var bytes = WithCard(Sample(), "ZNAXIS2", "3000000");
            var e = Assert.Throws<FitsFormatException>(() =>
            {
                using var f = FitsFile.Open(bytes, "lying.fits.fz", FitsReadOptions.Default with { Verify = VerifyMode.Exception });
                _ = f[1];
            });
            Assert.Equal(1, e.HduIndex);
            Assert.Contains("tiles", e.Reason);
            Assert.Contains("rows", e.Reason);
        }

        [Fact]
        public void Given_an_unknown_ZCMPTYPE_When_opened_with_warnings_Then_the_HDU_reads_as_a_table_and_the_next_HDU_is_intact()
        {
            var bytes = WithCard(Sample(), "ZCMPTYPE", "'MAGIC_9 '");
            using var f = FitsFile.Open(bytes, "unknown.fits.fz");

            Assert.IsType<BinaryTableHdu>(f[1]);
            Assert.Contains(f.Warnings, w => w.Contains("MAGIC_9") && w.Contains("binary table"));
            Assert.Equal(1200, f.Image(2).ReadFloat32().Length);
        }

        [Fact]
        public void Given_an_image_larger_than_the_decompression_limit_When_read_whole_Then_refused_but_sections_still_read()
        {
            using var f = FitsFile.Open(Sample(), "big.fits.fz", FitsReadOptions.Default with { MaxDecompressedBytes = 1000 });
            var image = f.Image(1);

            var e = Assert.Throws<FitsFormatException>(() => image.ReadFloat32());
            Assert.Contains("MaxDecompressedBytes", e.Message);
            Assert.Equal(Enumerable.Range(0, 40).Select(i => (float)(i % 500 - 250)), image.ReadRows(0, 1));
        }
    }

    public class Tiles
    {
        [Fact]
        public void Given_a_corrupted_tile_When_read_Then_FitsFormatException_names_the_HDU_and_the_tile()
        {
            var bytes = Sample();
            using (var f = FitsFile.Open(bytes))
            {
                var table = f.Image(1).Compression!.Table;
                var d = table.ReadDescriptors(0)[4];
                // Overwrite tile 5's Rice stream with bytes that decode to nonsense past its end.
                var start = table.DataOffset + table.HeapOffset + d.Offset;
                for (var i = 0; i < d.Count; i++) bytes[start + i] = 0xFF;
            }
            using var broken = FitsFile.Open(bytes, "broken.fits.fz");
            var image = broken.Image(1);

            var e = Assert.Throws<FitsFormatException>(() => image.ReadFloat32());
            Assert.Equal(1, e.HduIndex);
            Assert.Contains("tile 5", e.Reason);
            Assert.Equal(Enumerable.Range(0, 40).Select(i => (float)(i % 500 - 250)), image.ReadRows(0, 1));
        }

        [Fact]
        public void Given_a_file_cut_inside_the_heap_When_read_Then_FitsFormatException_not_a_partial_image()
        {
            var bytes = Sample();
            long heapMiddle;
            using (var f = FitsFile.Open(bytes))
            {
                var table = f.Image(1).Compression!.Table;
                heapMiddle = table.DataOffset + table.HeapOffset + table.HeapSize / 2;
            }
            using var cut = FitsFile.Open(bytes.AsMemory(0, (int)heapMiddle), "cut.fits.fz");

            Assert.Throws<FitsFormatException>(() => cut.Image(1).ReadFloat32());
        }
    }
}
