using Parallax.Spectroscopy.Combine;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.Combine;

public sealed class WavelengthGridTests
{
    public sealed class Linear
    {
        [Fact]
        public void Given_a_range_and_step_When_a_grid_is_made_Then_it_includes_both_ends_when_they_fall_on_the_step()
            => Assert.Equal([1.0, 1.25, 1.5, 1.75, 2], WavelengthGrid.Linear(1, 2, 0.25));

        [Fact]
        public void Given_a_non_positive_step_When_a_grid_is_made_Then_it_is_refused()
            => Assert.Throws<ArgumentOutOfRangeException>(() => WavelengthGrid.Linear(1, 2, 0));
    }

    public sealed class Common
    {
        [Fact]
        public void Given_two_overlapping_spectra_When_a_common_grid_is_made_Then_it_spans_both_at_the_finer_step()
        {
            var a = new Spectrum1D([10, 12, 14, 16], new float[4]);
            var b = new Spectrum1D([13, 14, 15, 16, 17, 18], new float[6]);
            Assert.Equal(Enumerable.Range(10, 9).Select(i => (double)i), WavelengthGrid.Common([a, b]));
        }
    }
}
