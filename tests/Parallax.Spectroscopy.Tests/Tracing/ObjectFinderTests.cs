using Parallax.Spectroscopy.Tracing;
using static Parallax.Spectroscopy.Tests.Support.SyntheticLongslit;

namespace Parallax.Spectroscopy.Tests.Tracing;

public class ObjectFinderTests
{
    public class Find
    {
        [Fact]
        public void Given_two_objects_When_found_Then_they_come_strongest_first_at_their_rows_within_0_15_px_with_their_fwhm()
        {
            var frame = Frame(512, 80, 3.5, [(_ => 25.3, 1.3, 600), (_ => 52.7, 1.3, 3000)], seed: 8);
            var edges = Edges(512);
            var found = ObjectFinder.Find(frame, edges);
            Assert.Equal(2, found.Count);
            Assert.InRange(found[0].Offset + edges.Lower.RowAt(0) - 52.7, -0.15, 0.15);
            Assert.InRange(found[1].Offset + edges.Lower.RowAt(0) - 25.3, -0.15, 0.15);
            Assert.True(found[0].SignalToNoise > found[1].SignalToNoise);
            // FWHM 2.3548 σ = 3.06 px; the pixel integration and the interpolation widen it a little.
            Assert.InRange(found[0].Fwhm, 2.9, 3.6);
        }

        [Fact]
        public void Given_sky_and_noise_only_When_searched_Then_nothing_is_found()
        {
            var frame = Frame(512, 80, 3.5, [], seed: 9);
            Assert.Empty(ObjectFinder.Find(frame, Edges(512)));
        }

        [Fact]
        public void Given_a_user_position_When_placed_Then_it_is_marked_user_defined_at_that_slit_position()
        {
            var o = ObjectFinder.AtSlitPosition(Edges(64), 0.25, 3);
            Assert.True(o.UserDefined);
            Assert.Equal(0.25, o.SlitPosition);
            Assert.InRange(o.Offset, 0.25 * 60.9, 0.25 * 61.1);
        }
    }
}
