using Parallax.Spectroscopy.FluxCalibration;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.FluxCalibration;

public sealed class SensitivityBuilderTests
{
    private static readonly SensitivityOptions NoMasks = new() { MaskedWindows = [] };

    public sealed class Build
    {
        [Theory]
        [InlineData(SensitivityFitKind.BSpline, 20)]
        [InlineData(SensitivityFitKind.Legendre, 20)]
        [InlineData(SensitivityFitKind.BSpline, 1)] // bands narrower than a pixel: read by interpolation
        public void Given_an_analytic_standard_When_the_sensitivity_is_built_Then_it_matches_the_true_one_within_0_1_percent(SensitivityFitKind kind, double bandpass)
        {
            var s = SensitivityBuilder.Build(AnalyticStandard.Spectrum(), AnalyticStandard.Table(bandpass), AnalyticStandard.Extinction, NoMasks with { FitKind = kind });
            // Bands wholly inside 3999..7001 Å: centres 4051..6951 (20 Å) or 4001..6951 (1 Å).
            Assert.Equal(bandpass > 2 ? 4051 : 4001, s.Min);
            Assert.Equal(6951, s.Max);
            Assert.Equal(0, s.NumberRejected);
            Assert.True(s.Rms < 1e-3, $"rms {s.Rms} mag");
            for (var w = s.Min; w <= s.Max; w += 37)
                Assert.InRange(s.Evaluate(w) / AnalyticStandard.Sensitivity(w), 0.999, 1.001);
            Assert.True(double.IsNaN(s.Evaluate(s.Min - 1)));
            Assert.True(double.IsNaN(s.Evaluate(s.Max + 1)));
        }

        [Fact]
        public void Given_bands_beyond_the_spectrum_When_built_Then_they_have_no_data_and_the_coverage_counts_the_rest()
        {
            var s = SensitivityBuilder.Build(AnalyticStandard.Spectrum(), AnalyticStandard.Table(), AnalyticStandard.Extinction, NoMasks);
            Assert.Equal(SensitivityPointStatus.NoData, s.Points[0].Status);   // 3901 Å
            Assert.Equal(SensitivityPointStatus.NoData, s.Points[^1].Status);  // 7101 Å
            Assert.Equal(59, s.NumberUsed);
            Assert.Equal((6951 - 4051) / 3002.0, s.CoverageFraction, 1e-9);
        }

        [Fact]
        public void Given_the_default_masks_When_built_Then_bands_touching_a_Balmer_line_or_telluric_band_are_left_out()
        {
            var s = SensitivityBuilder.Build(AnalyticStandard.Spectrum(), AnalyticStandard.Table(), AnalyticStandard.Extinction);
            var masked = s.Points.Where(p => p.Status == SensitivityPointStatus.Masked).Select(p => p.Wavelength).ToArray();
            Assert.Contains(4851, masked);  // 4841..4861 touches H-beta 4841.3..4881.3
            Assert.Contains(6551, masked);  // H-alpha
            Assert.Contains(6901, masked);  // O2 B band
            Assert.DoesNotContain(5001, masked);
        }

        [Fact]
        public void Given_one_band_thirty_percent_too_bright_When_built_Then_it_is_rejected_and_the_fit_stays_within_half_a_percent()
        {
            var spectrum = AnalyticStandard.Spectrum(distort: w => Math.Abs(w - 6001) < 11 ? 1.3 : 1);
            var s = SensitivityBuilder.Build(spectrum, AnalyticStandard.Table(), AnalyticStandard.Extinction, NoMasks);
            Assert.Equal(SensitivityPointStatus.Rejected, s.Points.Single(p => p.Wavelength == 6001).Status);
            Assert.Equal(1, s.NumberRejected);
            Assert.InRange(s.Evaluate(6001) / AnalyticStandard.Sensitivity(6001), 0.995, 1.005);
        }

        [Fact]
        public void Given_a_variance_of_one_percent_per_pixel_When_built_Then_each_band_error_is_1_0857_percent_over_root_ten()
        {
            var s = SensitivityBuilder.Build(AnalyticStandard.Spectrum(relativeSigma: 0.01), AnalyticStandard.Table(), AnalyticStandard.Extinction, NoMasks);
            // Ten whole pixels of near-equal flux: σ(mean)/mean ≈ 0.01/√10; σ_m = 2.5/ln10 × that.
            var p = s.Points.Single(q => q.Wavelength == 5001);
            Assert.Equal(2.5 / Math.Log(10) * 0.01 / Math.Sqrt(10), p.MagnitudeError, 1e-5);
        }

        [Fact]
        public void Given_a_flux_calibrated_spectrum_When_built_Then_it_is_refused()
        {
            var s = AnalyticStandard.Spectrum();
            var fluxed = new Spectrum1D(s.Wavelength, s.Flux, unit: SpectrumUnit.FluxDensity, metadata: s.Metadata);
            Assert.Throws<ArgumentException>(() => SensitivityBuilder.Build(fluxed, AnalyticStandard.Table(), AnalyticStandard.Extinction));
        }

        [Fact]
        public void Given_electrons_without_an_exposure_time_When_built_Then_the_error_asks_for_EXPTIME()
        {
            var s = AnalyticStandard.Spectrum();
            var bare = new Spectrum1D(s.Wavelength, s.Flux, metadata: new SpectrumMetadata { Airmass = 1.2 });
            var ex = Assert.Throws<ArgumentException>(() => SensitivityBuilder.Build(bare, AnalyticStandard.Table(), AnalyticStandard.Extinction));
            Assert.Contains("EXPTIME", ex.Message);
        }

        [Fact]
        public void Given_no_airmass_When_built_Then_the_error_asks_for_AIRMASS_unless_one_is_given()
        {
            var s = AnalyticStandard.Spectrum();
            var bare = new Spectrum1D(s.Wavelength, s.Flux, metadata: new SpectrumMetadata { ExposureTime = AnalyticStandard.Exptime });
            var ex = Assert.Throws<ArgumentException>(() => SensitivityBuilder.Build(bare, AnalyticStandard.Table(), AnalyticStandard.Extinction, NoMasks));
            Assert.Contains("AIRMASS", ex.Message);
            var fit = SensitivityBuilder.Build(bare, AnalyticStandard.Table(), AnalyticStandard.Extinction, NoMasks, airmass: AnalyticStandard.Airmass);
            Assert.InRange(fit.Evaluate(5501) / AnalyticStandard.Sensitivity(5501), 0.999, 1.001);
        }

        [Fact]
        public void Given_fewer_measurable_bands_than_coefficients_When_built_Then_the_error_gives_the_counts()
        {
            var table = new FluxStandardTable("two", [new FluxStandardPoint(5001, 1e-13, 20), new FluxStandardPoint(5501, 1e-13, 20)]);
            var ex = Assert.Throws<InvalidOperationException>(() => SensitivityBuilder.Build(AnalyticStandard.Spectrum(), table, AnalyticStandard.Extinction, NoMasks));
            Assert.Contains("only 2", ex.Message);
        }
    }

    public sealed class Sample
    {
        [Fact]
        public void Given_a_fitted_sensitivity_When_sampled_for_a_plot_Then_the_curve_spans_the_fitted_range_and_the_points_are_the_used_ones()
        {
            var s = SensitivityBuilder.Build(AnalyticStandard.Spectrum(), AnalyticStandard.Table(), AnalyticStandard.Extinction, NoMasks);
            var (w, m) = s.Sample(50);
            Assert.Equal(50, w.Length);
            Assert.Equal(s.Min, w[0]);
            Assert.Equal(s.Max, w[^1]);
            Assert.Equal(2.5 * Math.Log10(AnalyticStandard.Sensitivity(w[10])), m[10], 1e-3);
            Assert.Equal(s.NumberUsed, s.MeasuredPoints().Count);
        }
    }
}
