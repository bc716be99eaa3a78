using Parallax.Imaging;
using Parallax.Spectroscopy.Arcs;
using Parallax.Spectroscopy.Slits;
using Parallax.Spectroscopy.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Spectroscopy.Tests.Slits;

public class SpectralFlatBuilderTests
{
    public class Build(ITestOutputHelper output)
    {
        [Fact]
        public void Given_a_simulated_lamp_flat_When_taken_apart_Then_the_pixel_response_is_the_true_one_within_the_flats_noise_and_the_illumination_has_the_models_gradient()
        {
            var sim = SimulatedLongslit.Set;
            var edges = SlitEdgeFinder.Find(sim.Flat);
            var arc = sim.Arcs["HeNeAr"];
            var solution = ArcIdentifier.Solve(ArcLineFinder.Find(ArcExtraction.Extract(arc, edges.CentreRow)), LineList.Parse(sim.LineListText("HeNeAr")), sim.Prior(), sim.Width);
            var tilts = LineTiltTracer.Trace(arc, edges, solution);
            var flat = SpectralFlatBuilder.Build(sim.Flat, edges, tilts);
            var r = flat.PixelResponse;
            double sum = 0, noise = 0, truthSpread = 0;
            var n = 0;
            for (var y = 0; y < sim.Height; y++)
                for (var x = 0; x < sim.Width; x++)
                {
                    var i = y * sim.Width + x;
                    var p = edges.Position(x, y);
                    var truth = sim.PixelResponseTruth[i];
                    // The inner slit, away from the soft edges and the simulated bad column (response 0 there).
                    if (p is < 0.05 or > 0.95 || truth < 0.5) continue;
                    sum += (r.Data[i] - truth) * (r.Data[i] - truth);
                    noise += r.Variance[i];
                    truthSpread += (truth - 1) * (truth - 1);
                    n++;
                }
            var rms = Math.Sqrt(sum / n);
            var expected = Math.Sqrt(noise / n);
            output.WriteLine($"response − truth rms {rms:F5}, expected from the flat's variance {expected:F5}, true response rms {Math.Sqrt(truthSpread / n):F5}, {n} pixels");
            // What is left is the flat's own noise (within 10 %), far below the response structure it recovers.
            Assert.InRange(rms, 0, 1.1 * expected);
            // The model's illumination is 1 + g·d/L along the slit (g = 0.03, d from the centre, L the slit length).
            var g = sim.Spectrograph.SlitIllumination;
            var ratio = flat.IlluminationAt(0.8) / flat.IlluminationAt(0.2);
            var truthRatio = (1 + g * 0.3) / (1 - g * 0.3);
            output.WriteLine($"illumination 0.8/0.2 = {ratio:F5}, model {truthRatio:F5}");
            Assert.InRange(ratio - truthRatio, -0.001, 0.001);
            // Outside the slit the response is 1 and flagged as no data.
            Assert.Equal(1f, r.Data[5 * sim.Width + 1000]);
            Assert.Equal((ushort)MaskBits.NoData, r.Mask[5 * sim.Width + 1000]);
        }
    }
}
