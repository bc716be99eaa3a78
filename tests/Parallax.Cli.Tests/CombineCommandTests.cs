using Parallax.Fits;
using Parallax.Fits.Headers;

namespace Parallax.Cli.Tests;

public class CombineCommandTests
{
    /// <summary>n frames of 30 × 20 at level 100 + i (so the median of 0..n−1 offsets is known), the last with a +1000 hit at (5, 5).</summary>
    private static string[] WriteStack(TempDir dir, int n)
    {
        var paths = new string[n];
        for (var i = 0; i < n; i++)
        {
            var pixels = Enumerable.Repeat(100f + i, 30 * 20).ToArray();
            if (i == n - 1) pixels[5 * 30 + 5] += 1000;
            var h = new Header();
            h.Set("EXPTIME", 10.0);
            h.Set("OBJECT", "FLAT FIELD");
            h.Set("CRPIX1", 15.0);
            paths[i] = dir.File($"f{i}.fits");
            using var w = FitsWriter.Create(paths[i]);
            w.WriteImage(pixels, [30, 20], h);
            w.Commit();
        }
        return paths;
    }

    public class Product
    {
        [Fact]
        public void Given_five_frames_When_median_combined_Then_the_product_has_sci_var_dq_ncombine_and_provenance()
        {
            using var dir = new TempDir();
            var inputs = WriteStack(dir, 5);
            var output = dir.File("master.fits");
            var (code, stdout, stderr) = CliRunner.Run(["combine", .. inputs, "-o", output, "--method", "median"]);
            Assert.True(code == 0, stderr);
            Assert.Contains("combined 5 frames of 30x20", stdout);
            using var f = FitsFile.Open(output);
            Assert.Equal(["SCI", "VAR", "DQ", "NCOMBINE", "NREJECT"], f.Hdus.Skip(1).Select(h => h.Name!));
            var sci = f.Image("SCI").ReadFloat32();
            Assert.All(sci, v => Assert.Equal(102f, v));
            Assert.All(f.Image("NCOMBINE").ReadFloat32(), v => Assert.Equal(5f, v));
            var h = f.Primary.Header;
            Assert.Equal(5, h.GetInt64("NCOMBINE"));
            Assert.Equal("median", h.GetString("COMBMETH"));
            Assert.Equal("none", h.GetString("COMBREJ"));
            Assert.Equal("f0.fits", h.GetString("IMCMB001"));
            Assert.Equal("f4.fits", h.GetString("IMCMB005"));
            Assert.Equal("FLAT FIELD", h.GetString("OBJECT"));
            Assert.Equal(15.0, f.Image("SCI").Header.GetDouble("CRPIX1"));
            Assert.Equal("adu", f.Image("SCI").Header.GetString("BUNIT"));
        }

        [Fact]
        public void Given_a_hit_in_one_frame_When_sigma_clipped_mean_Then_the_hit_is_rejected_and_counted()
        {
            using var dir = new TempDir();
            var inputs = WriteStack(dir, 12);
            var output = dir.File("clip.fits");
            var (code, _, stderr) = CliRunner.Run(["combine", .. inputs, "-o", output, "--method", "mean", "--reject", "sigclip", "--sigma-low", "3", "--sigma-high", "3", "--maxiters", "3", "--memory", "1MB"]);
            Assert.True(code == 0, stderr);
            using var f = FitsFile.Open(output);
            var rejected = f.Image("NREJECT").ReadFloat32();
            Assert.Equal(1f, rejected[5 * 30 + 5]);
            Assert.Equal(1f, rejected.Sum());
            Assert.Equal(105f, f.Image("SCI").ReadFloat32()[5 * 30 + 5], 4);
            Assert.Equal(3.0, f.Primary.Header.GetDouble("REJSIGH"));
        }
    }

    public class Errors
    {
        [Fact]
        public void Given_one_unreadable_input_When_combined_Then_it_is_reported_the_rest_combined_and_the_exit_code_is_1()
        {
            using var dir = new TempDir();
            var inputs = WriteStack(dir, 3);
            var bad = dir.File("bad.fits");
            File.WriteAllText(bad, "not a fits file");
            var output = dir.File("out.fits");
            var (code, stdout, stderr) = CliRunner.Run(["combine", .. inputs, bad, "-o", output]);
            Assert.Equal(1, code);
            Assert.Contains("bad.fits", stderr);
            Assert.Contains("combined 3 frames", stdout);
            Assert.True(File.Exists(output));
        }

        [Fact]
        public void Given_a_frame_of_another_size_When_combined_Then_it_is_skipped_with_both_sizes_named()
        {
            using var dir = new TempDir();
            var inputs = WriteStack(dir, 2);
            var odd = dir.File("odd.fits");
            using (var w = FitsWriter.Create(odd)) { w.WriteImage(new float[12], [4, 3]); w.Commit(); }
            var (code, _, stderr) = CliRunner.Run(["combine", .. inputs, odd, "-o", dir.File("o.fits")]);
            Assert.Equal(1, code);
            Assert.Contains("4×3", stderr);
        }

        [Fact]
        public void Given_a_bad_memory_size_When_combined_Then_it_is_a_usage_error()
        {
            using var dir = new TempDir();
            var (code, _, stderr) = CliRunner.Run(["combine", .. WriteStack(dir, 2), "-o", dir.File("o.fits"), "--memory", "lots"]);
            Assert.Equal(2, code);
            Assert.Contains("--memory 'lots'", stderr);
        }

        [Fact]
        public void Given_a_budget_too_small_When_combined_Then_it_fails_with_the_size_needed_and_writes_nothing()
        {
            using var dir = new TempDir();
            var output = dir.File("o.fits");
            var (code, _, stderr) = CliRunner.Run(["combine", .. WriteStack(dir, 2), "-o", output, "--memory", "1KB"]);
            Assert.Equal(3, code);
            Assert.Contains("allow at least", stderr);
            Assert.False(File.Exists(output));
        }

        [Fact]
        public void Given_the_output_is_an_input_When_combined_Then_it_refuses()
        {
            using var dir = new TempDir();
            var inputs = WriteStack(dir, 2);
            var (code, _, stderr) = CliRunner.Run(["combine", .. inputs, "-o", inputs[0]]);
            Assert.Equal(2, code);
            Assert.Contains("refusing", stderr);
        }
    }
}
