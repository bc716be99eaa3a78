using Parallax.Imaging;
using Parallax.Spectroscopy.Rectification;
using Parallax.Spectroscopy.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Spectroscopy.Tests.Rectification;

public class RectifierTests
{
    public class Rectify(ITestOutputHelper output)
    {
        [Fact]
        public void Given_a_simulated_sky_subtracted_frame_When_rectified_Then_the_objects_flux_is_conserved_to_1e_4()
        {
            var chain = ExtractionChain.For("small", "SIM-STAR-1");
            var sim = chain.Sim;
            var subtracted = chain.Frame.Clone();
            // Only the object's light (±10 rows of its trace): the soft slit edges, which the sky model does not follow, would
            // otherwise put negative residuals on the pixels that straddle an edge and lose part of their footprint.
            for (var i = 0; i < subtracted.Data.Length; i++)
            {
                var (x, y) = (i % sim.Width, i / sim.Width);
                subtracted.Data[i] = Math.Abs(y - chain.Trace.RowAt(x)) <= 10 ? subtracted.Data[i] - chain.Sky.Sky[i] : 0;
            }
            var map = (float[])sim.WavelengthMapTruth.Clone();
            // The map NaN outside the slit, as WavelengthMap.Build makes it.
            for (var y = 0; y < sim.Height; y++)
                for (var x = 0; x < sim.Width; x++)
                    if (sim.Edges.Position(x, y) is < 0 or > 1) map[y * sim.Width + x] = float.NaN;
            var r = Rectifier.Rectify(subtracted, map, sim.Edges);
            double input = 0, result = 0;
            for (var i = 0; i < map.Length; i++)
                if (float.IsFinite(map[i]) && subtracted.Mask[i] == 0) input += subtracted.Data[i];
            for (var i = 0; i < r.Image.Data.Length; i++) if (float.IsFinite(r.Image.Data[i])) result += r.Image.Data[i];
            output.WriteLine($"{r.Image.Width} × {r.Image.Height}, {r.WavelengthStep:F4} Å per column; flux in {input:F1}, out {result:F1}");
            Assert.InRange(result / input, 1 - 1e-4, 1 + 1e-4);
            Assert.InRange(r.Image.Height, (int)sim.Edges.Length(sim.Width / 2) - 1, (int)sim.Edges.Length(sim.Width / 2) + 1);
        }

        [Fact]
        public void Given_a_simulated_frame_with_tilted_sky_lines_When_rectified_Then_the_5579_line_lies_on_one_column_at_every_slit_position_within_0_25_columns()
        {
            var chain = ExtractionChain.For("small", "SIM-STAR-1");
            var sim = chain.Sim;
            var sky = new MaskedImage(sim.Width, sim.Height);
            chain.Sky.Sky.AsSpan().CopyTo(sky.Data);
            // The frame itself less its continuum would do as well; the sky model is noise-free, so centroids are exact.
            var r = Rectifier.Rectify(chain.Frame, sim.WavelengthMapTruth, sim.Edges, new RectificationOptions { WavelengthStart = 5500, WavelengthStep = 1.0, Columns = 150 });
            var model = Rectifier.Rectify(sky, sim.WavelengthMapTruth, sim.Edges, new RectificationOptions { WavelengthStart = 5500, WavelengthStep = 1.0, Columns = 150 });
            var centres = new List<double>();
            for (var row = 5; row < r.Image.Height - 5; row++)
            {
                var (c, _) = Centroid(model.Image, row, 5577.34 - 5500 - 0.5, 6);
                var (d, _) = Centroid(r.Image, row, 5577.34 - 5500 - 0.5, 6);
                centres.Add(c);
                Assert.InRange(d - c, -0.2, 0.2);
            }
            var spread = centres.Max() - centres.Min();
            output.WriteLine($"[O I] 5577 centre over {centres.Count} rows: {centres.Average() + 5500.5:F3} Å, spread {spread:F4} columns");
            // On the detector the line moves 3 px (10 Å) from one end of the slit to the other; rectified it stays within
            // 0.25 Å (0.08 detector px: the centroid window cuts the drizzled pixels at a phase that changes with the row).
            Assert.InRange(spread, 0, 0.25);
            // And at the truth's wavelength: the rate-weighted mean of the simulated lines in the centroid window
            // ([O I] 5579.0 with the weaker OH lines near it), to 0.3 Å (0.1 detector px).
            var lines = File.ReadLines(Path.Combine(sim.TruthDirectory, "sky_lines.csv")).Skip(1).Select(l => l.Split(','))
                .Select(f => (W: double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), R: double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)))
                .Where(l => Math.Abs(l.W - 5577.34) <= 6.5).ToList();
            var truth = lines.Sum(l => l.W * l.R) / lines.Sum(l => l.R);
            output.WriteLine($"truth centroid of {lines.Count} lines: {truth:F3} Å");
            Assert.InRange(centres.Average() + 5500.5, truth - 0.3, truth + 0.3);
        }

        // Flux-weighted centroid of the continuum-subtracted row within ± half columns of the guess.
        private static (double Centre, double Flux) Centroid(MaskedImage image, int row, double guess, int half)
        {
            var w = image.Width;
            var g = (int)Math.Round(guess);
            var baseline = 0.5 * (image.Data[row * w + g - 2 * half] + image.Data[row * w + g + 2 * half]);
            double s = 0, sx = 0;
            for (var x = g - half; x <= g + half; x++)
            {
                var v = image.Data[row * w + x] - baseline;
                s += v;
                sx += v * x;
            }
            return (sx / s, s);
        }
    }
}
