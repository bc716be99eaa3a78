using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;
using Parallax.Simulation.Spectroscopy;

namespace Parallax.Simulation.Tests;

public class LongslitSceneTests
{
    private static (InstrumentModel Model, LongslitScene Scene) Scene()
    {
        var model = TestModels.Longslit;
        return (model, new LongslitScene(model, new NightPlan { Binning = 1 }));
    }

    // The wavelength along the trace written out from the model's coefficients, independently of LongslitGeometry.
    private static double Lambda(SpectrographModel s, int n, double u)
    {
        var tau = u / (n - 1);
        var (l0, l1, c2, c3) = (s.WavelengthRange[0], s.WavelengthRange[1], s.DispersionTerms[0], s.DispersionTerms[1]);
        return l0 + (l1 - l0 - c2 - c3) * tau + c2 * tau * tau + c3 * tau * tau * tau;
    }

    public class ArcLines
    {
        [Fact]
        public void Given_a_noiseless_arc_When_isolated_lines_are_centroided_Then_they_sit_at_the_true_wavelength_solution()
        {
            var (model, scene) = Scene();
            var s = model.Spectrograph!;
            var n = model.Detector.Columns;
            var nx = scene.Pattern.Layout.Columns;
            var spec = new FrameSpec { Sequence = 1, FileName = "a", Kind = FrameKind.Arc, Object = "HeNeAr", Lamp = "HeNeAr", Exptime = 10, StartUtc = DateTime.UnixEpoch };
            var light = scene.Render(spec)!;
            var response = scene.Pattern.Response;
            var lines = scene.LampLines("HeNeAr");
            var isolated = lines.Where(l => l.TraceColumn > 20 && l.TraceColumn < n - 20 && l.Rate > 200
                && !lines.Any(o => o.Wavelength != l.Wavelength && Math.Abs(o.TraceColumn - l.TraceColumn) < 10)).ToList();
            Assert.True(isolated.Count >= 10, $"only {isolated.Count} isolated lines");
            foreach (var line in isolated)
            {
                // The list's wavelength falls where the model's dispersion polynomial says.
                Assert.Equal(line.Wavelength, Lambda(s, n, line.TraceColumn), 6);
                foreach (var rowOffset in new[] { -100, 0, 100 })
                {
                    var y = (int)Math.Round(scene.Geometry.Trace(line.TraceColumn)) + rowOffset;
                    var x0 = (int)Math.Round(scene.Geometry.ColumnOnRow(line.TraceColumn, y));
                    double sw = 0, sx = 0;
                    for (var x = x0 - 6; x <= x0 + 6; x++)
                    {
                        var v = light[y * nx + x] / response[y * nx + x];
                        sw += v; sx += v * x;
                    }
                    // Where the tilted line crosses row y, from the model's coefficients: x = u + s(x)(y - y_c(x)).
                    var t = (x0 - (n - 1) / 2.0) / (n / 2.0);
                    var expected = line.TraceColumn + (s.LineTilt[0] + s.LineTilt[1] * t) * (y - (s.TraceCenter + s.TraceCurvature[0] * t + s.TraceCurvature[1] * t * t));
                    Assert.InRange(sx / sw - expected, -0.02, 0.02);
                }
            }
        }

        [Fact]
        public void Given_the_shipped_line_lists_When_read_Then_the_IRAF_wavelengths_are_kept()
        {
            var model = TestModels.Longslit;
            var henear = IrafTables.ReadLineList(InstrumentModels.ReadData(model, "data/henear.dat"));
            var cuar = IrafTables.ReadLineList(InstrumentModels.ReadData(model, "data/cuar.dat"));
            var thar = IrafTables.ReadLineList(InstrumentModels.ReadData(model, "data/thar.dat"));
            Assert.Equal(92, henear.Count);
            Assert.Contains(henear, l => l.Wavelength == 5875.618 || l.Wavelength == 5875.62);   // He I D3
            Assert.Equal(3093.4019, cuar[0].Wavelength);
            Assert.True(thar.Count > 3000);
            Assert.Equal("HeI", henear[0].Label);
        }
    }

    public class Trace
    {
        [Fact]
        public void Given_a_noiseless_flat_When_the_slit_edges_are_measured_Then_they_follow_the_curved_trace()
        {
            var (model, scene) = Scene();
            var s = model.Spectrograph!;
            var nx = scene.Pattern.Layout.Columns;
            var ny = scene.Pattern.Layout.Rows;
            var spec = new FrameSpec { Sequence = 1, FileName = "f", Kind = FrameKind.Flat, FlatKind = "lamp", Object = "Flat", Exptime = 10, StartUtc = DateTime.UnixEpoch };
            var light = scene.Render(spec)!;
            foreach (var x in new[] { 100, 1024, 1900 })
            {
                var column = Enumerable.Range(0, ny).Select(y => (double)light[y * nx + x] / scene.Pattern.Response[y * nx + x]).ToArray();
                var half = column.Max() / 2;
                // Half-maximum crossings, interpolated: the slit edges.
                var lower = Enumerable.Range(1, ny - 1).First(y => column[y] >= half);
                var upper = Enumerable.Range(1, ny - 1).Last(y => column[y - 1] >= half);
                var low = lower - 1 + (half - column[lower - 1]) / (column[lower] - column[lower - 1]);
                var high = upper - 1 + (column[upper - 1] - half) / (column[upper - 1] - column[upper]);
                var t = (x - (model.Detector.Columns - 1) / 2.0) / (model.Detector.Columns / 2.0);
                var centre = s.TraceCenter + s.TraceCurvature[0] * t + s.TraceCurvature[1] * t * t;
                Assert.InRange((low + high) / 2 - centre, -0.1, 0.1);
                Assert.InRange(high - low, s.SlitLength / s.SpatialScale - 0.3, s.SlitLength / s.SpatialScale + 0.3);
            }
        }
    }

    public class Standards
    {
        [Fact]
        public void Given_Feige_34_When_its_flux_is_taken_Then_it_is_the_IRAF_AB_magnitude_converted_with_3631_Jy()
        {
            var (model, scene) = Scene();
            var flux = scene.SourceFlux(new ScienceBlock { Object = "Feige 34", Type = "standard" });
            // From onedstds/oke1990/feige34.dat: "3220.  10.06" and "3280.  10.10".
            foreach (var (w, m) in new[] { (3220.0, 10.06), (3280.0, 10.10) })
            {
                var fnu = 3631e-23 * Math.Pow(10, -0.4 * m);          // erg/s/cm2/Hz
                var flambda = fnu * 2.99792458e18 / (w * w);
                Assert.Equal(flambda, flux(w), flambda * 1e-3);
            }
            Assert.Equal(159.90308, model.Standard("Feige 34").Ra);
        }

        [Fact]
        public void Given_a_science_star_When_its_flux_is_taken_at_5500_A_Then_it_has_the_requested_AB_magnitude()
        {
            var (_, scene) = Scene();
            var flux = scene.SourceFlux(new ScienceBlock { Object = "S", Ra = 1, Dec = 1, Magnitude = 17, Temperature = 6500 });
            var expected = 3631e-23 * Math.Pow(10, -0.4 * 17) * 2.99792458e18 / (5500.0 * 5500.0);
            Assert.Equal(expected, flux(5500), expected * 1e-3);
            Assert.True(flux(6562.8) < 0.8 * flux(6530));   // H alpha absorption
        }
    }
}
