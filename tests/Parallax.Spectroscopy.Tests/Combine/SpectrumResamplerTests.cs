using Parallax.Imaging;
using Parallax.Spectroscopy.Combine;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.Combine;

public sealed class SpectrumResamplerTests
{
    private static Spectrum1D Counts(int n, int seed)
    {
        var r = new Random(seed);
        var w = Enumerable.Range(0, n).Select(i => 5000.0 + i).ToArray();
        var f = Enumerable.Range(0, n).Select(_ => (float)(100 + 50 * r.NextDouble())).ToArray();
        var v = Enumerable.Range(0, n).Select(_ => (float)(10 + 5 * r.NextDouble())).ToArray();
        return new Spectrum1D(w, f, v);
    }

    public sealed class Resample
    {
        [Fact]
        public void Given_lengths_4_to_256_When_counts_are_binned_two_to_one_Then_each_output_pixel_is_the_sum_of_its_pair_and_so_are_the_variances()
        {
            for (var n = 4; n <= 256; n++) // a one-pixel grid has no width, so two output pixels at least
            {
                var s = Counts(n, n);
                var grid = Enumerable.Range(0, (n + 1) / 2).Select(j => 5000.5 + 2 * j).ToArray();
                var r = SpectrumResampler.Resample(s, grid);
                for (var j = 0; j < n / 2; j++)
                {
                    Assert.Equal(s.Flux[2 * j] + s.Flux[2 * j + 1], r.Flux[j], 1e-3);
                    Assert.Equal(s.Variance[2 * j] + s.Variance[2 * j + 1], r.Variance[j], 1e-4);
                    Assert.Equal(0, r.Mask[j]);
                }
                if (n % 2 == 1)
                {
                    // The last output pixel is half covered: its counts are scaled to the full width and it is flagged Edge.
                    Assert.Equal(2 * s.Flux[^1], r.Flux[^1], 1e-3);
                    Assert.Equal((ushort)MaskBits.Edge, r.Mask[^1]);
                }
            }
        }

        [Fact]
        public void Given_an_empty_grid_When_resampled_Then_the_result_is_empty()
            => Assert.Equal(0, SpectrumResampler.Resample(Counts(10, 1), []).Length);

        [Fact]
        public void Given_the_same_grid_When_resampled_Then_the_spectrum_is_unchanged()
        {
            var s = Counts(100, 3);
            var r = SpectrumResampler.Resample(s, s.Wavelength);
            for (var i = 0; i < s.Length; i++)
            {
                Assert.Equal(s.Flux[i], r.Flux[i], 1e-4);
                Assert.Equal(s.Variance[i], r.Variance[i], 1e-5);
            }
        }

        [Fact]
        public void Given_a_constant_flux_density_When_resampled_onto_an_unrelated_grid_Then_it_stays_constant()
        {
            var w = Enumerable.Range(0, 200).Select(i => 4000 + 1.7 * i + 0.001 * i * i).ToArray();
            var s = new Spectrum1D(w, Enumerable.Repeat(3e-16f, 200).ToArray(), unit: SpectrumUnit.FluxDensity);
            var r = SpectrumResampler.Resample(s, WavelengthGrid.Linear(4010, 4300, 2.9));
            Assert.All(r.Flux, f => Assert.Equal(3e-16, f, 1e-21));
        }

        [Fact]
        public void Given_counts_When_resampled_onto_a_shifted_grid_Then_the_total_over_whole_pixels_is_kept()
        {
            var s = Counts(200, 7);
            // Output pixels 3 Å wide from 5010.2 to 5190.2: the input pixels inside sum to the same counts.
            var r = SpectrumResampler.Resample(s, WavelengthGrid.Linear(5011.7, 5188.7, 3));
            var edges = r.BinEdges();
            double inside = 0;
            var sEdges = s.BinEdges();
            for (var i = 0; i < s.Length; i++)
            {
                var overlap = Math.Min(edges[^1], sEdges[i + 1]) - Math.Max(edges[0], sEdges[i]);
                if (overlap > 0) inside += s.Flux[i] * overlap / (sEdges[i + 1] - sEdges[i]);
            }
            Assert.Equal(inside, r.Flux.Sum(f => (double)f), inside * 1e-6);
        }

        [Fact]
        public void Given_an_unusable_input_pixel_When_binned_two_to_one_Then_it_is_left_out_and_the_pixel_is_renormalised_or_dropped()
        {
            var s = new Spectrum1D([1, 2, 3, 4], [10, 1000, 30, 40], [1, 1, 1, 1], [0, (ushort)MaskBits.CosmicRay, 0, 0]);
            var r = SpectrumResampler.Resample(s, [1.5, 3.5]);
            Assert.Equal(20, r.Flux[0], 1e-5);
            Assert.Equal(4, r.Variance[0], 1e-5); // 1 × 2²: the one pixel scaled to the full width
            Assert.Equal((ushort)MaskBits.Edge, r.Mask[0]);
            Assert.Equal(70, r.Flux[1], 1e-5);
            var strict = SpectrumResampler.Resample(s, [1.5, 3.5], minimumCoverage: 0.6);
            Assert.True(float.IsNaN(strict.Flux[0]));
            Assert.Equal((ushort)MaskBits.NoData, strict.Mask[0]);
        }

        [Fact]
        public void Given_a_NaN_input_pixel_without_a_flag_When_binned_Then_it_is_left_out_like_a_flagged_one()
        {
            var s = new Spectrum1D([1, 2, 3, 4], [10, float.NaN, 30, 40], [1, 1, 1, 1]);
            var r = SpectrumResampler.Resample(s, [1.5, 3.5]);
            Assert.Equal(20, r.Flux[0], 1e-5);
            Assert.Equal(70, r.Flux[1], 1e-5);
        }

        [Fact]
        public void Given_a_grid_beyond_the_spectrum_When_resampled_Then_those_pixels_are_no_data()
        {
            var r = SpectrumResampler.Resample(Counts(10, 2), [4990, 5005, 5020]);
            Assert.Equal([true, false, true], r.Flux.Select(float.IsNaN));
            Assert.Equal((ushort)MaskBits.NoData, r.Mask[2]);
        }
    }
}
