using Parallax.Spectroscopy.Arcs;
using Parallax.Spectroscopy.Slits;
using Parallax.Spectroscopy.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Spectroscopy.Tests.Arcs;

public class LineTiltTracerTests
{
    public class Trace(ITestOutputHelper output)
    {
        [Fact]
        public void Given_a_simulated_arc_with_tilted_lines_When_traced_Then_the_2D_wavelength_map_matches_the_truth_within_0_05_px_over_the_slit()
        {
            var sim = SimulatedLongslit.Set;
            var edges = SlitEdgeFinder.Find(sim.Flat);
            var arc = sim.Arcs["HeNeAr"];
            var spectrum = ArcExtraction.Extract(arc, edges.CentreRow);
            var solution = ArcIdentifier.Solve(ArcLineFinder.Find(spectrum), LineList.Parse(sim.LineListText("HeNeAr")), sim.Prior(), sim.Width);
            var tilts = LineTiltTracer.Trace(arc, edges, solution);
            var map = WavelengthMap.Build(solution, tilts);
            double worst = 0, sum = 0;
            var n = 0;
            for (var y = 0; y < sim.Height; y++)
                for (var x = 0; x < sim.Width; x++)
                {
                    // Truth of the slit itself (its half-light edges), not our edges: the whole slit is judged.
                    var d = y - sim.TrueCentreRow(x);
                    if (Math.Abs(d) > sim.TrueHalfLength - 1) continue;
                    var error = (map[y * sim.Width + x] - sim.WavelengthMapTruth[y * sim.Width + x]) / sim.TrueDispersion(x);
                    Assert.False(double.IsNaN(error), $"no wavelength at ({x}, {y}) inside the slit");
                    worst = Math.Max(worst, Math.Abs(error));
                    sum += error * error;
                    n++;
                }
            var rms = Math.Sqrt(sum / n);
            output.WriteLine($"{tilts.LinesTraced} lines traced, {tilts.SamplesUsed} samples ({tilts.SamplesRejected} rejected), surface rms {tilts.Rms:F4} px; map − truth: rms {rms:F4} px, worst {worst:F4} px over {n} pixels");
            // The map holds float32 Angstrom (0.0005 Å resolution at 7000 Å, 0.0003 px): negligible here.
            Assert.InRange(rms, 0, 0.05);
            Assert.InRange(worst, 0, 0.1);
        }

        [Fact]
        public void Given_a_simulated_arc_When_traced_Then_the_tilt_at_each_column_is_the_models_s0_plus_s1_t()
        {
            var sim = SimulatedLongslit.Set;
            var edges = SlitEdgeFinder.Find(sim.Flat);
            var arc = sim.Arcs["HeNeAr"];
            var solution = ArcIdentifier.Solve(ArcLineFinder.Find(ArcExtraction.Extract(arc, edges.CentreRow)), LineList.Parse(sim.LineListText("HeNeAr")), sim.Prior(), sim.Width);
            var tilts = LineTiltTracer.Trace(arc, edges, solution);
            var s = sim.Spectrograph;
            foreach (var x in new[] { 100.0, 1024.0, 1900.0 })
            {
                // Columns per row, by the surface's change over ±100 rows from the centre.
                var measured = (tilts.Surface.Evaluate(x, 100) - tilts.Surface.Evaluate(x, -100)) / 200;
                var t = (x - (sim.Width - 1) / 2.0) / (sim.Width / 2.0);
                var expected = s.LineTilt[0] + s.LineTilt[1] * t;
                output.WriteLine($"x {x}: tilt {measured:F5} (model {expected:F5}) columns per row");
                Assert.InRange(measured - expected, -0.0005, 0.0005);
            }
        }
    }
}
