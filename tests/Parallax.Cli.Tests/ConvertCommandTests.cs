using Parallax.Fits;
using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Tables;

namespace Parallax.Cli.Tests;

public class ConvertCommandTests
{
    public class Bitpix
    {
        [Fact]
        public void Given_a_uint16_frame_When_converted_to_float32_Then_values_are_identical_and_the_input_is_untouched()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "raw.fits", "Light Frame", 60);
            var before = File.ReadAllBytes(input);
            var output = dir.File("out/float.fits");
            var (code, _, stderr) = CliRunner.Run("convert", input, output, "--bitpix", "-32");
            Assert.True(code == 0, stderr);
            Assert.Equal(before, File.ReadAllBytes(input));
            using var a = FitsFile.Open(input);
            using var b = FitsFile.Open(output);
            Assert.Equal(-32, b.Image(0).Bitpix);
            Assert.Equal(a.Image(0).ReadFloat32(), b.Image(0).ReadFloat32());
            Assert.Equal(60.0, b.Primary.Header.GetDouble("EXPTIME"));
        }

        [Fact]
        public void Given_a_float_frame_When_converted_to_16_bits_Then_non_negative_data_become_uint16()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "f.fits", "Flat Field", 2, ImageEncoding.Float32);
            var output = dir.File("u.fits");
            Assert.Equal(0, CliRunner.Run("convert", input, output, "--bitpix", "16").ExitCode);
            using var b = FitsFile.Open(output);
            Assert.True(b.Image(0).Scaling.IsUnsigned16);
        }

        [Fact]
        public void Given_the_same_path_for_input_and_output_When_converted_Then_refused()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "same.fits", "Bias Frame", 0);
            var (code, _, stderr) = CliRunner.Run("convert", input, input);
            Assert.Equal(2, code);
            Assert.Contains("refusing to overwrite the input", stderr);
        }

        [Fact]
        public void Given_an_invalid_bitpix_When_converted_Then_usage_error()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "x.fits", "Bias Frame", 0);
            Assert.Equal(2, CliRunner.Run("convert", input, dir.File("y.fits"), "--bitpix", "12").ExitCode);
        }
    }

    /// <summary>A product-like file: primary header only, uint16 SCI, float32 VAR, a binary table with a variable-length column, an empty extension.</summary>
    internal static string WriteProduct(TempDir dir, string name)
    {
        var path = dir.File(name);
        var primary = new Header();
        primary.Set("INSTRUME", "TESTCAM");
        var rng = new Random(3);
        var sci = Enumerable.Range(0, 64 * 48).Select(_ => (ushort)rng.Next(0, 65536)).ToArray();
        var variance = Enumerable.Range(0, 64 * 48).Select(i => i % 97 == 0 ? float.NaN : (float)(rng.NextDouble() * 100)).ToArray();
        var table = new BinaryTable(5);
        table.AddColumn("ID", new[] { 1, 2, 3, 4, 5 });
        table.AddStringColumn("NAME", ["a", "bb", "ccc", "dddd", "eeeee"]);
        table.AddVariableLengthColumn("SPEC", Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, i).Select(v => (double)v).ToArray()).ToArray());
        using var w = FitsWriter.Create(path);
        w.WriteEmpty(primary);
        w.WriteNativeImage<ushort>(sci, [64, 48], Named("SCI"));
        w.WriteNativeImage<float>(variance, [64, 48], Named("VAR"));
        w.WriteTable(table, Named("CAT"));
        w.WriteEmpty(Named("EMPTY"));
        w.Commit();
        return path;
    }

    private static Header Named(string extname)
    {
        var h = new Header();
        h.Set("EXTNAME", extname);
        return h;
    }

    public class Compress
    {
        [Fact]
        public void Given_a_product_When_converted_with_rice_and_back_Then_every_HDU_and_pixel_is_reproduced()
        {
            using var dir = new TempDir();
            var input = WriteProduct(dir, "product.fits");
            var packed = dir.File("product.fits.fz");
            var unpacked = dir.File("unpacked.fits");

            var (code, _, stderr) = CliRunner.Run("convert", input, packed, "--compress", "rice");
            Assert.True(code == 0, stderr);
            Assert.Equal(0, CliRunner.Run("convert", packed, unpacked, "--compress", "none").ExitCode);

            Assert.Contains("HDU 2 'VAR' holds BITPIX -32 floats; RICE_1 would need them quantised (lossy)", stderr);
            using var a = FitsFile.Open(input);
            using var c = FitsFile.Open(packed);
            using var b = FitsFile.Open(unpacked);
            Assert.Equal(a.Count, c.Count);
            Assert.Equal(a.Count, b.Count);
            Assert.Equal("RICE_1", c.Image("SCI").Compression!.AlgorithmName);
            Assert.Equal("GZIP_2", c.Image("VAR").Compression!.AlgorithmName);
            Assert.Equal(HduKind.BinaryTable, c.Find("CAT")!.Kind);
            Assert.Equal("TESTCAM", b.Primary.Header.GetString("INSTRUME"));
            foreach (var name in new[] { "SCI", "VAR" })
            {
                Assert.Equal(HduKind.Image, b.Image(name).Kind);
                Assert.Equal(a.Image(name).Scaling, b.Image(name).Scaling);
                Assert.Equal(a.Image(name).ReadRaw(), b.Image(name).ReadRaw());
                Assert.Equal(a.Image(name).ReadRaw(), c.Image(name).ReadRaw());
            }
            var cat = (BinaryTableHdu)b.Find("CAT")!;
            Assert.Equal([1, 2, 3, 4, 5], cat.ReadColumn<int>(0));
            Assert.Equal(["a", "bb", "ccc", "dddd", "eeeee"], cat.ReadStrings(1));
            Assert.Equal([0.0, 1.0, 2.0], cat.ReadDoubleArrays(2)[3]);
            Assert.Empty(b.Image("EMPTY").Axes);
        }

        [Fact]
        public void Given_a_single_frame_When_compressed_and_decompressed_Then_it_is_the_primary_again_with_its_header()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "frame.fits", "Light Frame", 30);
            var packed = dir.File("frame.fits.fz");
            var unpacked = dir.File("frame2.fits");

            Assert.Equal(0, CliRunner.Run("convert", input, packed, "--compress", "rice").ExitCode);
            Assert.Equal(0, CliRunner.Run("convert", packed, unpacked).ExitCode);

            using var a = FitsFile.Open(input);
            using var c = FitsFile.Open(packed);
            using var b = FitsFile.Open(unpacked);
            Assert.Equal(2, c.Count);
            Assert.True(c[1].StoredHeader.GetBool("ZSIMPLE"));
            Assert.Equal(1, b.Count);
            Assert.Equal(a.Image(0).ReadRaw(), b.Image(0).ReadRaw());
            Assert.True(b.Image(0).Scaling.IsUnsigned16);
            Assert.Equal(30.0, b.Primary.Header.GetDouble("EXPTIME"));
            Assert.Equal("CALIB", b.Primary.Header.GetString("ESO DPR CATG"));
        }

        [Fact]
        public void Given_integers_When_converted_with_gzip_Then_the_images_are_GZIP_2_and_exact()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "frame.fits", "Bias Frame", 0);
            var packed = dir.File("frame.fits.fz");

            Assert.Equal(0, CliRunner.Run("convert", input, packed, "--compress", "gzip").ExitCode);

            using var a = FitsFile.Open(input);
            using var c = FitsFile.Open(packed);
            Assert.Equal(CompressionAlgorithm.Gzip2, c.Image(1).Compression!.Algorithm);
            Assert.Equal(a.Image(0).ReadRaw(), c.Image(1).ReadRaw());
        }

        [Fact]
        public void Given_a_compressed_file_When_converted_to_another_bitpix_and_compressed_Then_values_follow_the_new_type()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "frame.fits", "Light Frame", 30);
            var packed = dir.File("frame.fits.fz");
            var floats = dir.File("float.fits.fz");
            Assert.Equal(0, CliRunner.Run("convert", input, packed, "--compress", "rice").ExitCode);

            var (code, _, stderr) = CliRunner.Run("convert", packed, floats, "--bitpix", "-32", "--compress", "gzip");

            Assert.True(code == 0, stderr);
            using var a = FitsFile.Open(input);
            using var f = FitsFile.Open(floats);
            Assert.Equal(-32, f.Image(1).Bitpix);
            Assert.Equal(a.Image(0).ReadFloat32(), f.Image(1).ReadFloat32());
        }
    }
}
