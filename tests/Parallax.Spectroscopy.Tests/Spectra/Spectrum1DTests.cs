using Parallax.Imaging;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.Spectra;

public sealed class Spectrum1DTests
{
    public sealed class Constructor
    {
        [Fact]
        public void Given_a_flux_array_of_another_length_When_wrapped_Then_it_is_refused_naming_the_array()
        {
            var ex = Assert.Throws<ArgumentException>(() => new Spectrum1D([1, 2, 3], new float[2]));
            Assert.Equal("flux", ex.ParamName);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(2, 1)]
        [InlineData(1, double.NaN)]
        public void Given_wavelengths_not_strictly_ascending_When_wrapped_Then_it_is_refused(double second, double third)
        {
            var ex = Assert.Throws<ArgumentException>(() => new Spectrum1D([1, second, third], new float[3]));
            Assert.Equal("wavelength", ex.ParamName);
        }

        [Fact]
        public void Given_no_variance_or_mask_When_wrapped_Then_they_are_zeros_and_the_metadata_unknown()
        {
            var s = new Spectrum1D([1, 2], [5, 6]);
            Assert.Equal([0f, 0f], s.Variance);
            Assert.Equal([(ushort)0, (ushort)0], s.Mask);
            Assert.Null(s.Sky);
            Assert.True(double.IsNaN(s.Metadata.ExposureTime));
            Assert.Equal(SpectrumUnit.Electron, s.Unit);
        }
    }

    public sealed class BinEdges
    {
        [Fact]
        public void Given_an_even_grid_When_edges_are_taken_Then_they_lie_half_way_and_half_a_step_outside()
        {
            var s = new Spectrum1D([10, 12, 14], new float[3]);
            Assert.Equal([9.0, 11, 13, 15], s.BinEdges());
            Assert.Equal([2.0, 2, 2], s.PixelWidths());
        }

        [Fact]
        public void Given_an_uneven_grid_When_edges_are_taken_Then_the_outer_pixels_mirror_their_neighbour_gap()
        {
            Assert.Equal([0.5, 1.5, 3, 5], WavelengthBins.Edges([1.0, 2, 4]));
        }

        [Fact]
        public void Given_one_or_no_pixel_When_edges_are_taken_Then_they_have_no_width()
        {
            Assert.Equal([5.0, 5], WavelengthBins.Edges([5.0]));
            Assert.Equal([0.0], WavelengthBins.Edges([]));
        }
    }

    public sealed class IsUsable
    {
        [Fact]
        public void Given_flags_and_non_finite_values_When_tested_Then_only_unusable_bits_and_non_finite_values_exclude_a_pixel()
        {
            var s = new Spectrum1D([1, 2, 3, 4, 5], [1, 1, float.NaN, 1, 1], [1, 1, 1, float.NaN, 1],
                [(ushort)MaskBits.CosmicRay, (ushort)MaskBits.Nonlinear, 0, 0, 0]);
            Assert.Equal([false, true, false, false, true], Enumerable.Range(0, 5).Select(s.IsUsable));
        }
    }
}
