using Parallax.Spectroscopy.Tracing;
using static Parallax.Spectroscopy.Tests.Support.SyntheticLongslit;

namespace Parallax.Spectroscopy.Tests.Tracing;

public class TraceFitterTests
{
    public class Fit
    {
        [Fact]
        public void Given_a_bright_curved_object_When_traced_Then_the_polynomial_follows_it_within_0_02_px()
        {
            Func<double, double> row = x => 38.2 + 1.5e-5 * (x - 300) * (x - 300) / 10;
            var frame = Frame(600, 50, 3.5, [(row, 1.4, 3000)], seed: 3);
            var edges = Edges(600);
            var found = ObjectFinder.Find(frame, edges);
            var trace = TraceFitter.Fit(frame, edges, found[0]);
            Assert.False(trace.IsSlitParallel);
            for (var x = 0; x < 600; x += 10) Assert.InRange(trace.RowAt(x) - row(x), -0.02, 0.02);
        }

        [Fact]
        public void Given_an_object_too_faint_to_centre_in_any_bin_When_traced_Then_the_trace_is_slit_parallel_at_the_given_position()
        {
            var frame = Frame(600, 100, 3.5, [(_ => 44.0, 1.4, 15)], seed: 4);
            var edges = Edges(600);
            var position = (44.0 - edges.Lower.RowAt(0)) / edges.Length(0);
            var trace = TraceFitter.Fit(frame, edges, ObjectFinder.AtSlitPosition(edges, position, 3.3));
            Assert.True(trace.IsSlitParallel);
            for (var x = 0; x < 600; x += 50) Assert.InRange(trace.RowAt(x), 44.0 - 0.5, 44.0 + 0.5);
        }
    }
}
