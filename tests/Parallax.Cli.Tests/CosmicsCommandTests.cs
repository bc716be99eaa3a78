using Parallax.Fits;
using Parallax.Fits.Headers;

namespace Parallax.Cli.Tests;

public class CosmicsCommandTests
{
    private const int Size = 60;

    /// <summary>A 60 × 60 frame at 1000 ADU with seeded noise (σ ≈ 22 ADU at gain 2), GAIN = 2, and three single-pixel hits.</summary>
    private static (string Path, int[] Hits) WriteFrame(TempDir dir)
    {
        var random = new Random(7);
        var pixels = new float[Size * Size];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = 1000f + 22f * (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2f;
        int[] hits = [10 * Size + 12, 30 * Size + 40, 45 * Size + 20];
        foreach (var h in hits) pixels[h] += 3000f;
        var header = new Header();
        header.Set("GAIN", 2.0);
        header.Set("RDNOISE", 5.0);
        header.Set("OBJECT", "FIELD");
        var path = dir.File("frame.fits");
        using var w = FitsWriter.Create(path);
        w.WriteImage(pixels, [Size, Size], header);
        w.Commit();
        return (path, hits);
    }

    public class Product
    {
        [Fact]
        public void Given_a_frame_with_three_hits_When_cleaned_Then_the_product_flags_them_in_DQ_and_records_the_settings()
        {
            using var dir = new TempDir();
            var (input, hits) = WriteFrame(dir);
            var output = dir.File("clean.fits");
            var (code, stdout, stderr) = CliRunner.Run("cosmics", input, "-o", output);
            Assert.True(code == 0, stderr);
            Assert.Matches(@"^\d+ pixels flagged as cosmic rays", stdout);
            Assert.Contains("gain 2 e-/adu, read noise 5 e-", stdout);
            using var f = FitsFile.Open(output);
            Assert.Equal(["SCI", "VAR", "DQ"], f.Hdus.Skip(1).Select(h => h.Name!));
            var dq = f.Image("DQ").ReadFloat32();
            var sci = f.Image("SCI").ReadFloat32();
            const int cosmicRay = 1 << 2, interpolated = 1 << 9;
            var flagged = 0;
            for (var i = 0; i < dq.Length; i++)
            {
                // Each hit is flagged; neighbours may be grown into it (sigfrac), nothing else.
                var nearHit = hits.Any(hit => Math.Abs(hit % Size - i % Size) <= 1 && Math.Abs(hit / Size - i / Size) <= 1);
                if (hits.Contains(i)) Assert.Equal(cosmicRay | interpolated, (int)dq[i]);
                if (!nearHit) Assert.Equal(0, (int)dq[i]);
                if (dq[i] != 0) flagged++;
                if (hits.Contains(i)) Assert.InRange(sci[i], 950f, 1050f);
            }
            Assert.StartsWith($"{flagged} pixels flagged as cosmic rays", stdout);
            var h = f.Primary.Header;
            Assert.Equal(flagged, h.GetInt64("NCRPIX"));
            Assert.Equal(2.0, h.GetDouble("CRGAIN"));
            Assert.Equal(4.5, h.GetDouble("CRSIGCLP"));
            Assert.Equal("meanmask", h.GetString("CRCLEAN"));
            Assert.Equal("frame.fits", h.GetString("CRINPUT"));
            Assert.Equal("FIELD", f.Image("SCI").Header.GetString("OBJECT"));
        }

        [SkippableFact]
        public void Given_a_cleaned_frame_When_fitsverify_checks_it_Then_it_has_no_error_or_warning()
        {
            Skip.If(Fitsverify.Path is null, "fitsverify is not installed (apt-get install fitsverify)");
            using var dir = new TempDir();
            var (input, _) = WriteFrame(dir);
            var output = dir.File("clean.fits");
            Assert.Equal(0, CliRunner.Run("cosmics", input, "-o", output, "--cleantype", "medmask").ExitCode);
            var (errors, warnings, report) = Fitsverify.Check(output);
            Assert.True(errors == 0 && warnings == 0, report);
        }

        [Fact]
        public void Given_a_very_high_sigclip_When_cleaned_Then_nothing_is_flagged()
        {
            using var dir = new TempDir();
            var (input, _) = WriteFrame(dir);
            var (code, stdout, stderr) = CliRunner.Run("cosmics", input, "-o", dir.File("none.fits"), "--sigclip", "1e6", "--cleantype", "idw", "--satlevel", "inf");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("0 pixels flagged", stdout);
        }
    }

    public class Errors
    {
        [Fact]
        public void Given_a_missing_file_When_run_Then_one_line_names_it_and_the_exit_code_is_3()
        {
            using var dir = new TempDir();
            var (code, _, stderr) = CliRunner.Run("cosmics", dir.File("absent.fits"), "-o", dir.File("out.fits"));
            Assert.Equal(3, code);
            Assert.Equal($"parallax: {dir.File("absent.fits")}: no such file", stderr.Trim());
            Assert.False(File.Exists(dir.File("out.fits")));
        }

        [Fact]
        public void Given_an_hdu_that_is_not_there_When_run_Then_the_error_names_the_file_and_hdu()
        {
            using var dir = new TempDir();
            var (input, _) = WriteFrame(dir);
            var (code, _, stderr) = CliRunner.Run("cosmics", input, "-o", dir.File("out.fits"), "--hdu", "SCI");
            Assert.Equal(3, code);
            Assert.Contains("frame.fits: has no HDU with EXTNAME 'SCI'", stderr);
            Assert.Single(stderr.Trim().Split('\n'));
        }

        [Theory]
        [InlineData("--sigfrac", "2", "--sigfrac")]
        [InlineData("--niter", "0", "--niter")]
        [InlineData("--gain", "-1", "--gain")]
        public void Given_an_out_of_range_setting_When_run_Then_it_is_a_usage_error_naming_the_option(string option, string value, string named)
        {
            using var dir = new TempDir();
            var (input, _) = WriteFrame(dir);
            var (code, _, stderr) = CliRunner.Run("cosmics", input, "-o", dir.File("out.fits"), option, value);
            Assert.Equal(2, code);
            Assert.StartsWith($"parallax: {named}:", stderr.Trim());
        }

        [Fact]
        public void Given_the_input_as_output_When_run_Then_it_refuses()
        {
            using var dir = new TempDir();
            var (input, _) = WriteFrame(dir);
            var (code, _, stderr) = CliRunner.Run("cosmics", input, "-o", input);
            Assert.Equal(2, code);
            Assert.Contains("refusing to overwrite the input file", stderr);
        }
    }
}
