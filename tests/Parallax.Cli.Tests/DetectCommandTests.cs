using Parallax.Fits;
using Parallax.Fits.Tables;

namespace Parallax.Cli.Tests;

public class DetectCommandTests
{
    /// <summary>A 120 × 100 frame: sky 200, three Gaussian stars of known positions, deterministic noise of σ 3.</summary>
    private static string WriteFrame(TempDir dir)
    {
        var rng = new Random(5);
        var pixels = new float[120 * 100];
        (double X, double Y, double F)[] stars = [(30.2, 40.7, 8000), (80.6, 20.1, 5000), (95.0, 75.5, 12000)];
        for (var y = 0; y < 100; y++)
            for (var x = 0; x < 120; x++)
            {
                double v = 200 + 3 * (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * 2;
                foreach (var (sx, sy, f) in stars) v += f / (2 * Math.PI * 1.6) * Math.Exp(-((x - sx) * (x - sx) + (y - sy) * (y - sy)) / (2 * 1.6));
                pixels[y * 120 + x] = (float)v;
            }
        var path = dir.File("frame.fits");
        using var w = FitsWriter.Create(path);
        w.WriteImage(pixels, [120, 100]);
        w.Commit();
        return path;
    }

    public class Run
    {
        [Fact]
        public void Given_a_frame_When_detected_Then_the_catalog_lists_the_stars_one_based_and_the_summary_counts_them()
        {
            using var dir = new TempDir();
            var input = WriteFrame(dir);
            var output = dir.File("cat.fits");
            var (code, stdout, stderr) = CliRunner.Run(["detect", input, "-o", output, "--box", "32", "--annulus", "8,12"]);
            Assert.True(code == 0, stderr);
            Assert.Contains("3 sources in frame.fits (120x100)", stdout);
            using var f = FitsFile.Open(output);
            var t = (BinaryTableHdu)f.Find("CAT")!;
            Assert.Equal(3, t.RowCount);
            var x = t.ReadDoubles(t.GetColumnIndex("XWIN_IMAGE"));
            var y = t.ReadDoubles(t.GetColumnIndex("YWIN_IMAGE"));
            // One-based: the star at zero-based (30.2, 40.7) is at (31.2, 41.7).
            Assert.Contains(Enumerable.Range(0, 3), i => Math.Abs(x[i] - 31.2) < 0.05 && Math.Abs(y[i] - 41.7) < 0.05);
            Assert.Equal("pix", t.GetColumn("X_IMAGE").Unit);
            Assert.Equal("8,12", f.Find("CAT")!.Header.GetString("ANNULUS"));
        }

        [Fact]
        public void Given_a_missing_file_When_detected_Then_one_line_names_it_and_exit_code_is_3()
        {
            using var dir = new TempDir();
            var (code, _, stderr) = CliRunner.Run(["detect", dir.File("missing.fits"), "-o", dir.File("c.fits")]);
            Assert.Equal(3, code);
            Assert.Contains("missing.fits: no such file", stderr);
        }

        [Fact]
        public void Given_a_bad_annulus_or_hdu_When_detected_Then_usage_error_or_failure_names_it()
        {
            using var dir = new TempDir();
            var input = WriteFrame(dir);
            var (code, _, stderr) = CliRunner.Run(["detect", input, "-o", dir.File("c.fits"), "--annulus", "8"]);
            Assert.Equal(2, code);
            Assert.Contains("--annulus '8'", stderr);
            (code, _, stderr) = CliRunner.Run(["detect", input, "-o", dir.File("c.fits"), "--hdu", "4"]);
            Assert.Equal(3, code);
            Assert.Contains("frame.fits", stderr);
            Assert.Contains("has no HDU 4", stderr);
        }
    }
}
