using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tests.Support;
using Xunit;

namespace Parallax.Fits.Tests.Images;

/// <summary><see cref="FitsWriter.CopyImage"/> and <see cref="FitsWriter.CopyHdu"/>: what fpack and funpack do, HDU by HDU.</summary>
public class CopyTests
{
    private static readonly string Packed = TestPaths.Data("compression", "funpack", "mef_tables.fits.fz");
    private static readonly string Unpacked = TestPaths.Data("compression", "funpack", "mef_tables.funpacked.fits");

    /// <summary>Copies every HDU of a file: images with <see cref="FitsWriter.CopyImage"/> (compressed or not), the rest with <see cref="FitsWriter.CopyHdu"/>.</summary>
    private static void CopyAll(string from, string to, TileCompressionOptions? compression)
    {
        using var source = FitsFile.Open(from);
        using var w = FitsWriter.Create(to);
        foreach (var hdu in source.Hdus)
        {
            if (hdu is ImageHdu { HasData: true } image) w.CopyImage(image, compression: compression);
            else if (hdu is ImageHdu empty) w.CopyImage(empty);
            else w.CopyHdu(hdu);
        }
        w.Commit();
    }

    private static byte[] DataUnit(Hdu hdu)
    {
        var bytes = new byte[hdu.DataSize];
        hdu.ReadDataBytes(0, bytes);
        return bytes;
    }

    public class Decompressing
    {
        [SkippableFact]
        public void Given_an_fpacked_product_When_copied_uncompressed_Then_it_equals_funpacks_output_and_passes_fitsverify()
        {
            using var tmp = TestPaths.Temp();
            var output = tmp.File("copy.fits");

            CopyAll(Packed, output, compression: null);

            using var ours = FitsFile.Open(output);
            using var funpacked = FitsFile.Open(Unpacked);
            Assert.Equal(funpacked.Count, ours.Count);
            for (var i = 0; i < ours.Count; i++)
            {
                Assert.Equal(funpacked[i].Kind, ours[i].Kind);
                Assert.Equal(funpacked[i].Name, ours[i].Name);
                Assert.Equal(DataUnit(funpacked[i]), DataUnit(ours[i]));
            }
            var (errors, warnings, report) = ExternalTool.Fitsverify(output);
            Assert.True(errors == 0 && warnings == 0, report);
        }
    }

    public class Compressing
    {
        [SkippableFact]
        public void Given_a_plain_product_with_tables_When_copied_compressed_Then_images_compress_tables_stay_and_fitsverify_passes()
        {
            using var tmp = TestPaths.Temp();
            var output = tmp.File("copy.fits.fz");

            CopyAll(Unpacked, output, TileCompressionOptions.Default);

            using var ours = FitsFile.Open(output);
            using var source = FitsFile.Open(Unpacked);
            Assert.Equal(CompressionAlgorithm.Gzip2, ours.Image("SCI").Compression!.Algorithm);
            Assert.Equal(CompressionAlgorithm.Rice1, ours.Image("DQ").Compression!.Algorithm);
            Assert.Equal(source.Image("SCI").ReadRaw(), ours.Image("SCI").ReadRaw());
            Assert.Equal(source.Image("DQ").ReadRaw(), ours.Image("DQ").ReadRaw());
            Assert.Equal(DataUnit(source.Find("CAT")!), DataUnit(ours.Find("CAT")!));
            Assert.Equal(DataUnit(source.Find("NOTES")!), DataUnit(ours.Find("NOTES")!));
            var (errors, warnings, report) = ExternalTool.Fitsverify(output);
            Assert.True(errors == 0 && warnings == 0, report);
        }

        [Fact]
        public void Given_a_primary_HDU_When_copied_raw_after_another_HDU_Then_ArgumentException()
        {
            using var source = FitsFile.Open(Unpacked);
            using var w = FitsWriter.Create(new MemoryStream());
            w.WriteEmpty();
            Assert.Throws<ArgumentException>(() => w.CopyHdu(source.Primary));
        }
    }
}
