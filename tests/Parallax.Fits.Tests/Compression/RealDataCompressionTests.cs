using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tests.Support;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// Real frames (../shared/data/real; skipped when absent) tile-compressed by our writer: every image
/// comes back value for value, and funpack decompresses our file to the same data units as our own
/// plain copy of the original.
/// </summary>
public class RealDataCompressionTests
{
    public static IEnumerable<object[]> Files() =>
    [
        ["keck_hires_bias_only/raw/hires3027.fits.gz"],   // three uint16 extensions, BLANK with BZERO 32768
        ["sbig_st8_14in_imaging/raw/calibration/calib-001-bi.fit"],   // uint16 primary image
        ["misc/timmi2.fits"],   // int32 cube
        ["misc/VISIR.2004-09-30T03:17:49.095.fits"],   // float32 chop/nod cube
        ["misc/bachesORDE.fit"],   // a binary table beside an empty primary
    ];

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Given_a_real_file_When_every_image_is_compressed_Then_it_reads_back_and_funpacks_to_the_original_values(string relativePath)
    {
        var source = TestPaths.RequireRealData(relativePath);
        using var tmp = TestPaths.Temp();
        var packed = tmp.File("packed.fits.fz");
        var plain = tmp.File("plain.fits");
        using (var original = FitsFile.Open(source))
        using (var wc = FitsWriter.Create(packed))
        using (var wp = FitsWriter.Create(plain))
        {
            foreach (var hdu in original.Hdus)
            {
                if (hdu is ImageHdu { HasData: true } image)
                {
                    wc.CopyImage(image, compression: TileCompressionOptions.Default with { RestoreAsPrimary = image.Index == 0 });
                    wp.CopyImage(image);
                }
                else if (hdu is ImageHdu empty)
                {
                    wc.CopyImage(empty);
                    wp.CopyImage(empty);
                }
                else
                {
                    wc.CopyHdu(hdu);
                    wp.CopyHdu(hdu);
                }
            }
            wc.Commit();
            wp.Commit();
        }

        using var a = FitsFile.Open(source);
        using var c = FitsFile.Open(packed);
        // a primary image moves to extension 1 behind an empty primary, and every later HDU moves with it
        var shift = a.Image(0).HasData ? 1 : 0;
        foreach (var image in a.Hdus.OfType<ImageHdu>().Where(h => h.HasData))
        {
            var copy = c.Image(image.Index + shift);
            Assert.Equal(HduKind.CompressedImage, copy.Kind);
            Assert.Equal(image.Scaling, copy.Scaling);
            Assert.Equal(image.ReadRaw(), copy.ReadRaw());
        }

        var funpack = ExternalTool.Find("funpack");
        Skip.If(funpack is null, "funpack is not installed (apt-get install libcfitsio-bin)");
        var unpacked = tmp.File("unpacked.fits");
        var (code, output) = ExternalTool.Run(funpack!, $"-C -O \"{unpacked}\" \"{packed}\"");
        Assert.True(code == 0, output);
        using var u = FitsFile.Open(unpacked);
        using var q = FitsFile.Open(plain);
        Assert.Equal(q.Count, u.Count);
        for (var i = 0; i < q.Count; i++)
        {
            Assert.Equal(q[i].Kind, u[i].Kind);
            Assert.Equal(DataUnit(q[i]), DataUnit(u[i]));
        }
    }

    private static byte[] DataUnit(Hdu hdu)
    {
        var bytes = new byte[hdu.DataSize];
        hdu.ReadDataBytes(0, bytes);
        return bytes;
    }
}
