using Parallax.Imaging;
using Parallax.Spectroscopy.Combine;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.Combine;

public sealed class SpectrumCoadderTests
{
    private static readonly double[] Grid = [1, 2, 3, 4];

    private static Spectrum1D Constant(float value, float variance, ushort[]? mask = null, SpectrumUnit unit = SpectrumUnit.Electron)
        => new(Grid, [value, value, value, value], [variance, variance, variance, variance], mask, unit: unit,
            metadata: new SpectrumMetadata { Object = "t", ExposureTime = 100, Airmass = 1.1 });

    public sealed class Coadd
    {
        [Fact]
        public void Given_two_inputs_of_different_variance_When_coadded_Then_the_result_is_their_inverse_variance_mean()
        {
            var r = SpectrumCoadder.Coadd([Constant(10, 1), Constant(13, 4)], new CoaddOptions { Scale = false });
            // (10/1 + 13/4) / (1/1 + 1/4) = 10.6, variance 1 / 1.25 = 0.8.
            Assert.All(r.Spectrum.Flux, f => Assert.Equal(10.6, f, 1e-5));
            Assert.All(r.Spectrum.Variance, v => Assert.Equal(0.8, v, 1e-6));
            Assert.All(r.Contributors, c => Assert.Equal(2, c));
            Assert.Equal(200, r.TotalExposureTime);
            Assert.Equal("t", r.Spectrum.Metadata.Object);
        }

        [Fact]
        public void Given_five_inputs_and_one_far_off_at_one_pixel_When_coadded_Then_that_value_is_rejected_there_only()
        {
            var inputs = Enumerable.Range(0, 5).Select(k => Constant(100 + k * 0.5f, 1)).ToList();
            inputs[3].Flux[2] = 150; // 50σ high: a cosmic ray nobody flagged
            var r = SpectrumCoadder.Coadd(inputs, new CoaddOptions { Scale = false });
            Assert.Equal([0, 0, 0, 1, 0], r.RejectedPixels);
            Assert.Equal(4, r.Contributors[2]);
            Assert.Equal((100 + 100.5 + 101 + 102) / 4, r.Spectrum.Flux[2], 1e-4);
            Assert.Equal(101, r.Spectrum.Flux[0], 1e-4);
            var kept = SpectrumCoadder.Coadd(inputs, new CoaddOptions { Scale = false, MaxIterations = 0 });
            Assert.Equal((100 + 100.5 + 101 + 150 + 102) / 5, kept.Spectrum.Flux[2], 1e-4);
        }

        [Fact]
        public void Given_masked_inputs_When_coadded_Then_they_do_not_contribute_and_a_pixel_with_none_is_no_data()
        {
            ushort cr = (ushort)MaskBits.CosmicRay;
            var r = SpectrumCoadder.Coadd([Constant(10, 1, [cr, 0, cr, 0]), Constant(20, 1, [cr, 0, 0, 0])], new CoaddOptions { Scale = false });
            Assert.True(float.IsNaN(r.Spectrum.Flux[0]));
            Assert.Equal((ushort)MaskBits.NoData, r.Spectrum.Mask[0]);
            Assert.Equal(20, r.Spectrum.Flux[2], 1e-5);
            Assert.Equal(15, r.Spectrum.Flux[1], 1e-5);
            Assert.Equal([0, 2, 1, 2], r.Contributors);
        }

        [Fact]
        public void Given_a_NaN_value_or_variance_without_a_flag_When_coadded_Then_it_is_treated_as_unusable()
        {
            var a = Constant(10, 1);
            var b = Constant(20, 1);
            a.Flux[1] = float.NaN;
            b.Variance[2] = float.NaN;
            var r = SpectrumCoadder.Coadd([a, b], new CoaddOptions { Scale = false });
            Assert.Equal([15f, 20f, 10f, 15f], r.Spectrum.Flux);
            Assert.Equal([2, 1, 1, 2], r.Contributors);
        }

        [Fact]
        public void Given_an_input_at_half_the_level_When_coadded_with_scaling_Then_it_is_scaled_by_two_with_its_variance()
        {
            var r = SpectrumCoadder.Coadd([Constant(10, 1), Constant(5, 0.25f)]);
            Assert.Equal([1.0, 2.0], r.Scales);
            Assert.All(r.Spectrum.Flux, f => Assert.Equal(10, f, 1e-5));
            Assert.All(r.Spectrum.Variance, v => Assert.Equal(0.5, v, 1e-6));
        }

        [Fact]
        public void Given_noise_free_inputs_When_coadded_Then_the_equal_weight_mean_is_taken()
        {
            var r = SpectrumCoadder.Coadd([Constant(10, 0), Constant(12, 0)], new CoaddOptions { Scale = false });
            Assert.All(r.Spectrum.Flux, f => Assert.Equal(11, f, 1e-5));
        }

        [Fact]
        public void Given_inputs_in_different_units_When_coadded_Then_they_are_refused()
        {
            var ex = Assert.Throws<ArgumentException>(() => SpectrumCoadder.Coadd([Constant(10, 1), Constant(10, 1, unit: SpectrumUnit.ElectronPerSecond)]));
            Assert.Contains("electron/s", ex.Message);
        }
    }
}
