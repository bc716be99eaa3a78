using Parallax.Imaging;
using Parallax.Imaging.Fitting;
using Parallax.Spectroscopy.FluxCalibration;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.FluxCalibration;

public sealed class FluxCalibratorTests
{
    /// <summary>A flat sensitivity of 1e15 electrons per erg cm⁻² (37.5 mag) on 4000..6000 Å.</summary>
    private static SensitivityFunction Flat()
        => new(new Polynomial1D(PolynomialBasis.Legendre, [37.5], 4000, 6000), 4000, 6000, [], 0, 1);

    private static readonly ExtinctionCurve ConstantK = new([(5000, 0.2)]);

    public sealed class Calibrate
    {
        [Fact]
        public void Given_electrons_a_sensitivity_and_an_extinction_When_calibrated_Then_f_lambda_is_counts_per_s_per_A_times_the_extinction_over_S()
        {
            var science = new Spectrum1D([4000, 4002, 4004, 6000, 6002], [100, 200, 300, 400, 500], [10, 20, 30, 40, 50],
                [0, (ushort)MaskBits.Nonlinear, 0, 0, 0], [1, 2, 3, 4, 5],
                metadata: new SpectrumMetadata { Object = "x", ExposureTime = 100, Airmass = 1.2 });
            var f = FluxCalibrator.Calibrate(science, Flat(), ConstantK);
            // Pixel widths 2, 2, 999, 999, 2 Å (edges 3999, 4001, 4003, 5002, 6001, 6003); S = 10^(0.4·37.5) = 1e15; correction 10^(0.4·0.2·1.2).
            var corr = Math.Pow(10, 0.4 * 0.2 * 1.2);
            double[] widths = [2, 2, 999, 999, 2];
            for (var i = 0; i < 4; i++)
            {
                var factor = corr / (100 * widths[i] * 1e15);
                Assert.Equal(science.Flux[i] * factor, f.Flux[i], science.Flux[i] * factor * 1e-6);
                Assert.Equal(science.Variance[i] * factor * factor, f.Variance[i], science.Variance[i] * factor * factor * 1e-6);
                Assert.Equal(science.Sky![i] * factor, f.Sky![i], science.Sky[i] * factor * 1e-6);
            }
            Assert.Equal(SpectrumUnit.FluxDensity, f.Unit);
            Assert.Equal((ushort)MaskBits.Nonlinear, f.Mask[1]);
            Assert.Equal(science.Metadata, f.Metadata);
        }

        [Fact]
        public void Given_pixels_beyond_the_sensitivity_range_When_calibrated_Then_they_are_NaN_and_flagged_no_data()
        {
            var science = new Spectrum1D([3990, 4000, 6000, 6010], [1, 1, 1, 1], metadata: new SpectrumMetadata { ExposureTime = 1, Airmass = 1 });
            var f = FluxCalibrator.Calibrate(science, Flat(), ConstantK);
            Assert.Equal([true, false, false, true], f.Flux.Select(float.IsNaN));
            Assert.Equal((ushort)MaskBits.NoData, f.Mask[0]);
            Assert.Equal(0, f.Mask[1]);
        }

        [Fact]
        public void Given_electrons_per_second_When_calibrated_Then_no_exposure_time_is_needed()
        {
            var science = new Spectrum1D([5000, 5002, 5004], [2e15f, 2e15f, 2e15f], unit: SpectrumUnit.ElectronPerSecond, metadata: new SpectrumMetadata { Airmass = 1 });
            var f = FluxCalibrator.Calibrate(science, Flat(), new ExtinctionCurve([(5000, 0.0)]));
            Assert.Equal(1.0, f.Flux[1], 1e-6); // 2e15 e/s over 2 Å / 1e15
        }

        [Fact]
        public void Given_a_flux_calibrated_spectrum_When_calibrated_again_Then_it_is_refused()
        {
            var s = new Spectrum1D([5000, 5002], [1, 1], unit: SpectrumUnit.FluxDensity, metadata: new SpectrumMetadata { Airmass = 1 });
            Assert.Throws<ArgumentException>(() => FluxCalibrator.Calibrate(s, Flat(), ConstantK));
        }
    }
}
