using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Images;

public class ImageRoundTripTests
{
    private static float[] Ramp(int n, float scale = 1f, float offset = 0f)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++) a[i] = offset + scale * ((i * 7919) % 1000);
        return a;
    }

    public class WriteImage
    {
        [Theory]
        [InlineData(ImageEncoding.Float32, -32)]
        [InlineData(ImageEncoding.Float64, -64)]
        [InlineData(ImageEncoding.Int16, 16)]
        [InlineData(ImageEncoding.UInt16, 16)]
        [InlineData(ImageEncoding.Int32, 32)]
        [InlineData(ImageEncoding.UInt8, 8)]
        public void Given_integral_pixels_When_written_with_an_encoding_Then_read_back_exactly(ImageEncoding encoding, int bitpix)
        {
            using var tmp = TestPaths.Temp();
            var pixels = Ramp(37 * 23, encoding == ImageEncoding.UInt8 ? 0.25f : 1f, encoding == ImageEncoding.UInt16 ? 40000f : 0f);
            var path = tmp.File("img.fits");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteImage(pixels, [37, 23], encoding: encoding);
                w.Commit();
            }
            using var f = FitsFile.Open(path, FitsReadOptions.Default with { Verify = VerifyMode.Exception });
            var img = f.Image(0);
            Assert.Equal(bitpix, img.Bitpix);
            Assert.Equal([37, 23], img.Axes);
            Assert.Equal(encoding == ImageEncoding.UInt16, img.Scaling.IsUnsigned16);
            Assert.Equal(pixels.Select(p => MathF.Round(p, MidpointRounding.AwayFromZero)), img.ReadFloat32());
        }

        [Fact]
        public void Given_out_of_range_and_NaN_values_When_written_as_uint16_Then_clipped_and_BLANK_is_set()
        {
            using var tmp = TestPaths.Temp();
            var path = tmp.File("u16.fits");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteImage([-5f, 70000f, float.NaN, 1.5f, 2.5f], [5], encoding: ImageEncoding.UInt16);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var img = f.Image(0);
            Assert.Equal(-32768L, img.Scaling.Blank);
            var back = img.ReadFloat32();
            Assert.Equal(65535f, back[1]);
            Assert.True(float.IsNaN(back[2]));
            Assert.Equal(2f, back[3]);
            Assert.Equal(3f, back[4]);
            Assert.True(float.IsNaN(back[0])); // 0 after clipping shares the BLANK code (documented on ImageEncoding.UInt16)
        }

        [Fact]
        public void Given_native_ushort_pixels_When_written_Then_BZERO_32768_holds_the_full_range()
        {
            using var tmp = TestPaths.Temp();
            var path = tmp.File("native.fits");
            ushort[] values = [0, 1, 32767, 32768, 65535];
            using (var w = FitsWriter.Create(path))
            {
                w.WriteNativeImage<ushort>(values, [5]);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            Assert.Equal(values.Select(v => (float)v), f.Image(0).ReadFloat32());
            Assert.Equal(values.Select(v => (short)(v - 32768)), (short[])f.Image(0).ReadRaw());
        }

        [Fact]
        public void Given_user_cards_with_structural_keywords_When_written_Then_the_writer_owns_the_structure()
        {
            using var tmp = TestPaths.Temp();
            var path = tmp.File("hdr.fits");
            var h = new Header();
            h.Set("BITPIX", 64);
            h.Set("NAXIS1", 9999);
            h.Set("OBJECT", "M31");
            h.Set("EXTNAME", "SCI");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteEmpty();
                w.WriteImage(new float[6], [3, 2], h);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var sci = f.Image("SCI");
            Assert.Equal(1, sci.Index);
            Assert.Equal(-32, sci.Bitpix);
            Assert.Equal([3, 2], sci.Axes);
            Assert.Equal("M31", sci.Header.GetString("OBJECT"));
            Assert.Equal("IMAGE", sci.Header.GetString("XTENSION"));
        }

        [Fact]
        public void Given_a_writer_disposed_without_commit_When_done_Then_no_file_and_no_temp_remain()
        {
            using var tmp = TestPaths.Temp();
            var path = tmp.File("partial.fits");
            using (var w = FitsWriter.Create(path)) w.WriteImage(new float[4], [2, 2]);
            Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
        }

        [Fact]
        public void Given_mismatched_axes_When_written_Then_refused()
        {
            using var ms = new MemoryStream();
            using var w = FitsWriter.Create(ms);
            Assert.Throws<ArgumentException>(() => w.WriteImage(new float[5], [2, 2]));
        }
    }

    public class ReadSection
    {
        private static string WriteCube(TempFolder tmp, out float[] pixels)
        {
            var path = tmp.File("cube.fits");
            pixels = Ramp(2000 * 600 * 2);
            using var w = FitsWriter.Create(path);
            w.WriteImage(pixels, [2000, 600, 2], encoding: ImageEncoding.Int16);
            w.Commit();
            return path;
        }

        [Fact]
        public void Given_a_cube_When_a_sub_rectangle_of_plane_1_is_read_Then_it_equals_the_same_cut_of_the_whole()
        {
            using var tmp = TestPaths.Temp();
            using var f = FitsFile.Open(WriteCube(tmp, out var all));
            var img = f.Image(0);
            Assert.Equal(2, img.Planes);
            var cut = img.ReadSection(13, 100, 50, 7, plane: 1);
            for (var y = 0; y < 7; y++)
                for (var x = 0; x < 50; x++)
                    Assert.Equal(all[2000 * 600 + (100 + y) * 2000 + 13 + x], cut[y * 50 + x]);
        }

        [Fact]
        public void Given_a_large_image_When_read_whole_in_parallel_chunks_Then_every_pixel_matches()
        {
            using var tmp = TestPaths.Temp();
            using var f = FitsFile.Open(WriteCube(tmp, out var all));
            Assert.Equal(all, f.Image(0).ReadFloat32());
            Assert.Equal(all.Select(v => (double)v), f.Image(0).ReadFloat64());
        }

        [Fact]
        public void Given_a_row_band_When_read_Then_only_those_rows_come_back()
        {
            using var tmp = TestPaths.Temp();
            using var f = FitsFile.Open(WriteCube(tmp, out var all));
            var rows = f.Image(0).ReadRows(598, 2);
            Assert.Equal(all.AsSpan(598 * 2000, 4000).ToArray(), rows);
        }

        [Fact]
        public void Given_a_section_outside_the_image_When_read_Then_it_is_refused()
        {
            using var tmp = TestPaths.Temp();
            using var f = FitsFile.Open(WriteCube(tmp, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => f.Image(0).ReadSection(1990, 0, 20, 1));
        }
    }
}
