using SkiaSharp;

namespace Parallax.Cli.Tests;

public class ReportCommandTests
{
    private static readonly string[] Looks =
    [
        "COADD_SCIENCE-1.png", "MASTER_BIAS_BIAS-1.png", "MASTER_BPM_FLAT-1.png", "MASTER_DARK_DARK-1.png", "MASTER_FLAT_FLAT-1.png",
        "REDUCED_IMAGE_m67_1.png", "REDUCED_IMAGE_m67_2.png", "REDUCED_IMAGE_m67_3.png",
    ];

    public class Reduce
    {
        [Fact]
        public void Given_a_night_When_reduced_Then_a_quick_look_lies_next_to_each_product_and_the_report_path_is_printed()
        {
            using var n = new SimNight();
            var (code, stdout, stderr) = CliRunner.Run("reduce", n.Raw, "-o", n.Out);
            Assert.True(code == 0, stdout + stderr);
            Assert.Equal(Looks, Directory.GetFiles(n.Out, "*.png").Select(Path.GetFileName).Order());
            using (var png = SKBitmap.Decode(n.Product("MASTER_BIAS_BIAS-1.png"))) Assert.Equal((SimNight.Width, SimNight.Height), (png.Width, png.Height));
            var report = n.Product("night_report.html");
            Assert.Contains($"Report: {report}", stdout);
            var html = File.ReadAllText(report);
            Assert.Contains("REDUCED_IMAGE_m67_3.fits", html);
            Assert.True(File.Exists(n.Product(".parallax/night.json")));
        }

        [Fact]
        public void Given_no_report_When_reduced_Then_neither_quick_looks_nor_report_are_written()
        {
            using var n = new SimNight();
            var (code, stdout, _) = CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--no-report");
            Assert.Equal(0, code);
            Assert.Empty(Directory.GetFiles(n.Out, "*.png"));
            Assert.False(File.Exists(n.Product("night_report.html")));
            Assert.DoesNotContain("Report:", stdout);
            Assert.True(File.Exists(n.Product(".parallax/night.json")));
        }
    }

    public class Report
    {
        [Fact]
        public void Given_a_reduced_folder_When_the_report_is_made_again_elsewhere_Then_it_lists_every_product_offline()
        {
            using var n = new SimNight(biasNoise: 40);
            CliRunner.Run("reduce", n.Raw, "-o", n.Out, "--no-report");
            var html = n.File("again.html");
            var (code, stdout, stderr) = CliRunner.Run("report", n.Out, "-o", html);
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains("1 product(s), 1 failed QC, 6 task(s) not done", stdout);
            var text = File.ReadAllText(html);
            Assert.Contains("MASTER_BIAS_BIAS-1.fits", text);
            Assert.Matches(@"noise_adu = [\d.]+ is above the maximum 20", text);
            Assert.DoesNotMatch("(?i)https?:|file:", text);
        }

        [Fact]
        public void Given_a_missing_folder_When_reported_Then_one_line_names_it()
        {
            var (code, _, stderr) = CliRunner.Run("report", "/nonexistent/outdir");
            Assert.Equal(3, code);
            Assert.Equal("parallax: /nonexistent/outdir: no such folder", stderr.Trim());
        }
    }

    public class Quicklook
    {
        [Fact]
        public void Given_a_raw_frame_When_a_quick_look_is_asked_Then_a_PNG_of_its_size_is_written()
        {
            using var n = new SimNight();
            var png = n.File("bias1.png");
            var (code, stdout, stderr) = CliRunner.Run("quicklook", n.File("raw/cal/bias1.fits"), "-o", png, "--stretch", "linear", "--mask");
            Assert.True(code == 0, stdout + stderr);
            Assert.Contains($"wrote {png}  40×32", stdout);
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal((40, 32), (bitmap.Width, bitmap.Height));
        }

        [Fact]
        public void Given_a_file_that_is_not_FITS_When_a_quick_look_is_asked_Then_one_line_names_the_file()
        {
            using var n = new SimNight();
            var bad = n.File("bad.fits");
            File.WriteAllText(bad, "not a FITS file");
            var (code, _, stderr) = CliRunner.Run("quicklook", bad);
            Assert.Equal(3, code);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.Contains("bad.fits", stderr);
        }
    }
}
