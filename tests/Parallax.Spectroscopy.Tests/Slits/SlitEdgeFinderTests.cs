using Parallax.Spectroscopy.Slits;
using Parallax.Spectroscopy.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Spectroscopy.Tests.Slits;

public class SlitEdgeFinderTests
{
    public class Find(ITestOutputHelper output)
    {
        [Fact]
        public void Given_a_simulated_flat_with_a_curved_slit_When_the_edges_are_found_Then_both_lie_within_0_2_px_of_the_truth_at_every_column()
        {
            var sim = SimulatedLongslit.Set;
            var edges = SlitEdgeFinder.Find(sim.Flat);
            double worstLower = 0, worstUpper = 0;
            for (var x = 0; x < sim.Width; x++)
            {
                var centre = sim.TrueCentreRow(x);
                worstLower = Math.Max(worstLower, Math.Abs(edges.Lower.RowAt(x) - (centre - sim.TrueHalfLength)));
                worstUpper = Math.Max(worstUpper, Math.Abs(edges.Upper.RowAt(x) - (centre + sim.TrueHalfLength)));
            }
            output.WriteLine($"worst lower {worstLower:F4} px, worst upper {worstUpper:F4} px, rms {edges.Lower.Rms:F4}/{edges.Upper.Rms:F4}, used {edges.Lower.NumberUsed}/{edges.Upper.NumberUsed}");
            Assert.InRange(worstLower, 0, 0.2);
            Assert.InRange(worstUpper, 0, 0.2);
        }
    }
}
