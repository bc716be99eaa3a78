using System.Text.Json;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;

namespace Parallax.Cli.Tests;

public class InfoCommandTests
{
    internal static string WriteFrame(TempDir dir, string name, string imagetyp, double exptime, ImageEncoding encoding = ImageEncoding.UInt16)
    {
        var path = dir.File(name);
        var h = new Header();
        h.Set("IMAGETYP", imagetyp);
        h.Set("EXPTIME", exptime);
        h.Set("HIERARCH ESO DPR CATG", "CALIB");
        var pixels = Enumerable.Range(0, 40 * 30).Select(i => (float)(1000 + i % 97)).ToArray();
        using var w = FitsWriter.Create(path);
        w.WriteImage(pixels, [40, 30], h, encoding);
        w.Commit();
        return path;
    }

    public class HduList
    {
        [Fact]
        public void Given_a_file_When_info_runs_Then_it_lists_type_bitpix_and_shape()
        {
            using var dir = new TempDir();
            var (code, stdout, stderr) = CliRunner.Run("info", WriteFrame(dir, "bias1.fits", "Bias Frame", 0));
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            Assert.Contains("PRIMARY", stdout);
            Assert.Contains("40 x 30", stdout);
            Assert.Matches(@"Image\s+16\s+40 x 30", stdout);
        }

        [Fact]
        public void Given_a_compressed_file_When_info_runs_Then_its_images_show_as_images_with_real_shape_and_algorithm()
        {
            using var dir = new TempDir();
            var packed = dir.File("frame.fits.fz");
            Assert.Equal(0, CliRunner.Run("convert", WriteFrame(dir, "frame.fits", "Light Frame", 30), packed, "--compress", "rice").ExitCode);

            var (code, stdout, stderr) = CliRunner.Run("info", packed);
            var (jsonCode, json, _) = CliRunner.Run("info", "--json", packed);

            Assert.True(code == 0, stderr);
            Assert.Matches(@"Image \(RICE_1\)\s+16\s+40 x 30", stdout);
            Assert.Equal(0, jsonCode);
            var hdu = JsonDocument.Parse(json).RootElement[0].GetProperty("hdus")[1];
            Assert.Equal("CompressedImage", hdu.GetProperty("kind").GetString());
            Assert.Equal("RICE_1", hdu.GetProperty("compression").GetString());
            Assert.Equal(30, hdu.GetProperty("axes")[1].GetInt32());
        }

        [Fact]
        public void Given_json_When_info_runs_Then_the_output_parses_with_axes()
        {
            using var dir = new TempDir();
            var (code, stdout, _) = CliRunner.Run("info", "--json", WriteFrame(dir, "f.fits", "Light Frame", 30));
            Assert.Equal(0, code);
            var hdu = JsonDocument.Parse(stdout).RootElement[0].GetProperty("hdus")[0];
            Assert.Equal(16, hdu.GetProperty("bitpix").GetInt32());
            Assert.Equal(40, hdu.GetProperty("axes")[0].GetInt32());
        }
    }

    public class Keywords
    {
        [Fact]
        public void Given_several_files_When_keywords_are_asked_Then_one_row_per_file_with_values()
        {
            using var dir = new TempDir();
            var a = WriteFrame(dir, "a.fits", "Bias Frame", 0);
            var b = WriteFrame(dir, "b.fits", "Dark Frame", 300);
            var (code, stdout, _) = CliRunner.Run("info", "-k", "IMAGETYP", "EXPTIME", "ESO DPR CATG", "--json", a, b);
            Assert.Equal(0, code);
            var rows = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal("Dark Frame", rows[1].GetProperty("IMAGETYP").GetString());
            Assert.Equal("300.0", rows[1].GetProperty("EXPTIME").GetString());
            Assert.Equal("CALIB", rows[0].GetProperty("ESO DPR CATG").GetString());
        }
    }

    public class BadInput
    {
        [Fact]
        public void Given_a_bad_file_among_good_ones_When_info_runs_Then_one_line_names_it_and_the_rest_are_listed()
        {
            using var dir = new TempDir();
            var good = WriteFrame(dir, "good.fits", "Bias Frame", 0);
            var bad = dir.File("notes.fits");
            File.WriteAllText(bad, "this is not FITS at all, just a text file with enough characters to matter\n");
            var (code, stdout, stderr) = CliRunner.Run("info", bad, good);
            Assert.Equal(1, code);
            Assert.Equal($"parallax: {bad} HDU 0: not a FITS file: it does not start with the card SIMPLE = T", stderr.Trim());
            Assert.Contains("good.fits", stdout);
        }

        [Fact]
        public void Given_a_truncated_file_When_info_runs_Then_the_truncation_is_reported_with_sizes()
        {
            using var dir = new TempDir();
            var path = WriteFrame(dir, "cut.fits", "Bias Frame", 0);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(2880 + 1000)]);
            var (code, stdout, stderr) = CliRunner.Run("info", "--verify", path);
            Assert.Equal(1, code);
            Assert.Contains("truncated", stdout + stderr);
            Assert.Contains("2,400 bytes", stdout + stderr);
        }

        [Fact]
        public void Given_a_corrupted_data_byte_When_verify_runs_Then_checksums_are_invalid_and_exit_is_1()
        {
            using var dir = new TempDir();
            var path = WriteFrame(dir, "c.fits", "Bias Frame", 0);
            var bytes = File.ReadAllBytes(path);
            bytes[2880 + 100] ^= 1;
            File.WriteAllBytes(path, bytes);
            var (code, stdout, _) = CliRunner.Run("info", "--verify", path);
            Assert.Equal(1, code);
            Assert.Contains("Invalid", stdout);
        }

        [Fact]
        public void Given_an_unknown_option_When_run_Then_usage_error_exit_2()
        {
            var (code, _, stderr) = CliRunner.Run("info", "--frobnicate", "x.fits");
            Assert.Equal(2, code);
            Assert.Contains("--frobnicate", stderr);
        }
    }
}
