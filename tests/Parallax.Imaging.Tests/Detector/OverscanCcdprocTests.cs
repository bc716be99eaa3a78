using System.Text.Json;
using Parallax.Fits;
using Parallax.Imaging.Detector;
using Parallax.Imaging.Io;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Detector;

/// <summary>
/// Overscan subtraction and trimming against ccdproc 2.4 (subtract_overscan + trim_image, overscan_axis=1) on
/// a committed synthetic frame (mean, median and a degree-2 polynomial model; data/overscan/
/// make_ccdproc_overscan.py) and on the real SAAO 1 m frame (median; sampled pixels committed). ccdproc works
/// in float64; Parallax subtracts in float32, so pixels agree to 1e-6 relative (about 1e-3 ADU here).
/// </summary>
public class OverscanCcdprocTests
{
    private static MaskedImage ReadSynthetic()
    {
        using var f = FitsFile.Open(TestPaths.Data("overscan", "synthetic_raw.fits"));
        return MaskedImageFits.Read(f);
    }

    private static void AssertMatches(string extension, MaskedImage actual)
    {
        using var reference = FitsFile.Open(TestPaths.Data("overscan", "ccdproc_overscan_results.fits"));
        var hdu = reference.Image(extension);
        var expected = hdu.ReadFloat64();
        Assert.Equal((hdu.Width, hdu.Height), (actual.Width, actual.Height));
        for (var p = 0; p < expected.Length; p++)
            Close.Equal(expected[p], actual.Data[p], 1e-6, 1e-4, $"{extension} pixel ({p % hdu.Width}, {p / hdu.Width})");
    }

    public class SubtractAndTrim
    {
        [Theory]
        [InlineData("MEAN", OverscanStatistic.Mean)]
        [InlineData("MEDIAN", OverscanStatistic.Median)]
        public void Given_the_synthetic_frame_When_the_row_statistic_is_subtracted_and_trimmed_Then_every_pixel_matches_ccdproc(string extension, OverscanStatistic statistic)
        {
            var raw = ReadSynthetic();
            var bias = ImageSection.Parse(raw.Header.GetString("BIASSEC"), "BIASSEC");
            var trim = ImageSection.Parse(raw.Header.GetString("TRIMSEC"), "TRIMSEC");
            var whole = ImageSection.FromZeroBased(0, 0, raw.Width, raw.Height);

            var profile = OverscanCorrector.Measure(raw, bias, whole, new OverscanOptions { Statistic = statistic });
            OverscanCorrector.Subtract(raw, profile, whole);

            Assert.Equal(OverscanAxis.PerRow, profile.Axis);
            AssertMatches(extension, ImageTrim.Trim(raw, trim));
        }

        [Fact]
        public void Given_the_synthetic_frame_When_the_row_means_are_smoothed_by_a_quadratic_Then_every_pixel_matches_ccdproc_with_a_Polynomial1D_model()
        {
            var raw = ReadSynthetic();
            var bias = ImageSection.Parse(raw.Header.GetString("BIASSEC"), "BIASSEC");
            var whole = ImageSection.FromZeroBased(0, 0, raw.Width, raw.Height);

            var profile = OverscanCorrector.Measure(raw, bias, whole, new OverscanOptions
            {
                Statistic = OverscanStatistic.Mean,
                Smoothing = OverscanSmoothing.Legendre,
                Order = 2,
                FitRejection = Parallax.Imaging.Fitting.RejectionOptions.None,
            });
            OverscanCorrector.Subtract(raw, profile, whole);

            AssertMatches("POLY2", ImageTrim.Trim(raw, ImageSection.Parse(raw.Header.GetString("TRIMSEC"))));
        }
    }

    public class Correct
    {
        [Fact]
        public void Given_the_synthetic_frame_When_corrected_in_ADU_from_its_header_Then_it_equals_ccdproc_and_the_variance_follows_the_noise_model()
        {
            using var f = FitsFile.Open(TestPaths.Data("overscan", "synthetic_raw.fits"));

            var result = DetectorCorrector.Correct(f, new DetectorCorrectionOptions { ToElectrons = false, Overscan = new OverscanOptions { Statistic = OverscanStatistic.Median } });

            AssertMatches("MEDIAN", result.Image);
            Assert.Equal(PixelUnits.Adu, result.Image.Unit);
            // ADU variance = (RDNOISE/GAIN)² + signal/GAIN with GAIN 2, RDNOISE 8 from the header.
            var p = 10 * result.Image.Width + 20;
            Close.Equal(16 + Math.Max(0, result.Image.Data[p]) / 2, result.Image.Variance[p], 1e-6, 0, "variance");
            Assert.False(result.Image.Header.Contains("BIASSEC"));
            Assert.Contains(result.Image.Header.Cards, c => c.Keyword == "HISTORY" && (c.Value?.ToString() ?? c.Comment ?? "").Contains("overscan [61:72,1:50] median per row"));
        }

        [SkippableFact]
        public void Given_the_real_SAAO_frame_When_median_overscan_corrected_and_trimmed_Then_sampled_pixels_match_ccdproc()
        {
            var path = TestPaths.RequireRealData("misc", "ccdproc_a8280271_SAAO1m_STE3.fits");
            using var expected = JsonDocument.Parse(File.ReadAllText(TestPaths.Data("overscan", "saao_ccdproc_samples.json")));
            using var f = FitsFile.Open(path);

            var result = DetectorCorrector.Correct(f, new DetectorCorrectionOptions { ToElectrons = false, FlagSaturation = false, Overscan = new OverscanOptions { Statistic = OverscanStatistic.Median } });

            var shape = expected.RootElement.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.Equal((shape[0], shape[1]), (result.Image.Width, result.Image.Height));
            foreach (var s in expected.RootElement.GetProperty("samples").EnumerateArray())
            {
                var (x, y, v) = (s[0].GetInt32(), s[1].GetInt32(), s[2].GetDouble());
                Close.Equal(v, result.Image.Data[y * result.Image.Width + x], 1e-6, 1e-3, $"pixel ({x}, {y})");
            }
            Close.Equal(expected.RootElement.GetProperty("mean").GetDouble(), result.Image.Data.Average(v => (double)v), 1e-6, 1e-3, "mean");
        }
    }
}
