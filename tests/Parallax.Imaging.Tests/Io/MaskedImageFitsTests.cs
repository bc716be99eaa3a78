using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Imaging.Io;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Io;

/// <summary>
/// The SCI / VAR / DQ product layout: an exact round trip through Parallax's own reader, the same
/// values read by astropy (the independent reader), raw single-HDU frames, and size checks.
/// </summary>
public class MaskedImageFitsTests
{
    private static MaskedImage Sample()
    {
        var g = new Gaussian(3);
        var img = new MaskedImage(13, 7, PixelUnits.Electron);
        for (var i = 0; i < img.PixelCount; i++)
        {
            img.Data[i] = (float)(100 * g.Next());
            img.Variance[i] = (float)(g.Uniform() * 9);
            img.Mask[i] = (ushort)(i * 2521 % 65536);
        }
        img.Data[5] = float.NaN;
        img.Mask[0] = 0xFFFF;
        img.Mask[1] = 0x8000;
        img.Header.Set("OBJECT", "M 51", "target");
        img.Header.Set("CRPIX1", 6.5);
        return img;
    }

    private static string WriteProduct(TempFolder dir, MaskedImage img)
    {
        var path = dir.File("product.fits");
        var primary = new Header();
        primary.Set("PRODTYPE", "TEST");
        using var w = FitsWriter.Create(path);
        MaskedImageFits.Write(w, img, primary);
        MaskedImageFits.WriteMap(w, "NCOMBINE", new ushort[img.PixelCount], img.Width, img.Height, "frames used");
        w.Commit();
        return path;
    }

    public class Write
    {
        [Fact]
        public void Given_a_masked_image_When_written_and_read_back_Then_data_variance_mask_unit_and_header_survive_exactly()
        {
            using var dir = TestPaths.Temp();
            var img = Sample();
            using var f = FitsFile.Open(WriteProduct(dir, img));
            Assert.Equal(["PRIMARY", "SCI", "VAR", "DQ", "NCOMBINE"], f.Hdus.Select(h => h.Name ?? "PRIMARY"));
            Assert.Equal("TEST", f.Primary.Header.GetString("PRODTYPE"));
            var back = MaskedImageFits.Read(f);
            Assert.Equal(img.Data, back.Data);
            Assert.Equal(img.Variance, back.Variance);
            Assert.Equal(img.Mask, back.Mask);
            Assert.Equal(PixelUnits.Electron, back.Unit);
            Assert.Equal("M 51", back.Header.GetString("OBJECT"));
            Assert.Equal("electron**2", f.Image("VAR").Header.GetString("BUNIT"));
            Assert.Equal(16, f.Image("DQ").Bitpix);
        }

        [SkippableFact]
        public void Given_a_written_product_When_astropy_reads_it_Then_it_sees_float32_planes_and_a_uint16_mask_with_the_same_values()
        {
            var py = ExternalTool.RequireAstropy();
            using var dir = TestPaths.Temp();
            var img = Sample();
            var path = WriteProduct(dir, img);
            var script = $$"""
                import numpy as np
                from astropy.io import fits
                with fits.open(r"{{path}}") as f:
                    sci, var, dq = f["SCI"].data, f["VAR"].data, f["DQ"].data
                    print(sci.dtype, var.dtype, dq.dtype, sci.shape)
                    print(repr(float(np.nansum(sci.astype(np.float64)))), repr(float(var.astype(np.float64).sum())), int(dq.astype(np.int64).sum()), int(dq[0, 0]), int(dq[0, 1]))
                    print(f["SCI"].header["BUNIT"], f["SCI"].header["OBJECT"], int(np.isnan(sci).sum()))
                """;
            var (code, output) = ExternalTool.Run(py, "-", script);
            Assert.True(code == 0, output);
            var lines = output.Trim().Split('\n');
            Assert.Equal(">f4 >f4 uint16 (7, 13)", lines[0].Trim());
            var nums = lines[1].Trim().Split(' ');
            Close.Equal(img.Data.Where(float.IsFinite).Sum(v => (double)v), double.Parse(nums[0], System.Globalization.CultureInfo.InvariantCulture), 1e-12, 1e-9, "SCI sum");
            Close.Equal(img.Variance.Sum(v => (double)v), double.Parse(nums[1], System.Globalization.CultureInfo.InvariantCulture), 1e-12, 1e-9, "VAR sum");
            Assert.Equal(img.Mask.Sum(m => (long)m).ToString(), nums[2]);
            Assert.Equal("65535", nums[3]);
            Assert.Equal("32768", nums[4]);
            Assert.Equal("electron M 51 1", lines[2].Trim());
        }

        [Fact]
        public void Given_an_open_writer_with_a_primary_When_written_Then_the_planes_follow_it()
        {
            using var dir = TestPaths.Temp();
            var path = dir.File("p.fits");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteEmpty();
                MaskedImageFits.Write(w, new MaskedImage(2, 2));
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            Assert.Equal(4, f.Count);
            Assert.Equal("SCI", f[1].Name);
        }
    }

    public class Read
    {
        [Fact]
        public void Given_a_raw_single_hdu_frame_When_read_Then_data_come_from_the_primary_in_adu_with_zero_variance_and_mask()
        {
            using var dir = TestPaths.Temp();
            var path = dir.File("raw.fits");
            using (var w = FitsWriter.Create(path))
            {
                var h = new Header();
                h.Set("EXPTIME", 30.0);
                w.WriteImage([1000, 1001, 1002, 65535, 0, 7], [3, 2], h, Parallax.Fits.Images.ImageEncoding.UInt16);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var img = MaskedImageFits.Read(f);
            Assert.Equal(new float[] { 1000, 1001, 1002, 65535, 0, 7 }, img.Data);
            Assert.Equal(PixelUnits.Adu, img.Unit);
            Assert.All(img.Variance, v => Assert.Equal(0f, v));
            Assert.All(img.Mask, m => Assert.Equal((ushort)0, m));
            var source = new FitsFrameSource(f);
            Assert.Equal(30.0, source.ExposureTime);
            Assert.False(source.HasVariance);
        }

        [Fact]
        public void Given_a_var_plane_of_another_size_When_read_Then_the_message_gives_both_sizes()
        {
            using var dir = TestPaths.Temp();
            var path = dir.File("bad.fits");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteEmpty();
                w.WriteImage(new float[6], [3, 2], MaskedImageFits.ExtensionHeader("SCI", "data", null));
                w.WriteImage(new float[4], [2, 2], MaskedImageFits.ExtensionHeader("VAR", "variance", null));
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var e = Assert.Throws<FitsFormatException>(() => MaskedImageFits.Read(f));
            Assert.Contains("VAR is 2×2 but the data are 3×2", e.Message);
        }

        [Fact]
        public void Given_a_cube_When_read_Then_it_is_refused_as_not_2d()
        {
            using var dir = TestPaths.Temp();
            var path = dir.File("cube.fits");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteImage(new float[24], [4, 3, 2]);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            Assert.Contains("2-D", Assert.Throws<FitsFormatException>(() => MaskedImageFits.Read(f)).Message);
        }

        [Fact]
        public void Given_a_signed_16_bit_dq_When_read_Then_negative_values_keep_their_bits()
        {
            using var dir = TestPaths.Temp();
            var path = dir.File("dq.fits");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteEmpty();
                w.WriteImage([1, 2], [2, 1], MaskedImageFits.ExtensionHeader("SCI", "data", null));
                w.WriteNativeImage<short>([-1, 4], [2, 1], MaskedImageFits.ExtensionHeader("DQ", "mask", null));
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            Assert.Equal(new ushort[] { 0xFFFF, 4 }, MaskedImageFits.Read(f).Mask);
        }
    }
}
