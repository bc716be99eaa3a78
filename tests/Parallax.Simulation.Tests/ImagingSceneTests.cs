using Parallax.Fits.Coordinates;
using Parallax.Simulation.Detector;
using Parallax.Simulation.Imaging;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Simulation.Tests;

public class ImagingSceneTests
{
    // A 512 x 512 field (the shipped imager at binning 4) with a dense catalog, one V frame of 300 s.
    private static (InstrumentModel Model, NightPlan Plan, ImagingScene Scene, FrameSpec Frame) Night(double seeing = 1.1)
    {
        var model = TestModels.Imager;
        model = model with { Site = model.Site with { Seeing = seeing, SeeingScatter = 0 } };
        var plan = new NightPlan
        {
            Binning = 4,
            Start = "2025-03-16T04:00:00",
            Calibrations = [new CalibrationBlock { Type = "flat", Filters = ["V"], Count = 1, Level = 20000 }],
            Science = [new ScienceBlock { Object = "F", Ra = 135, Dec = 25, Filters = ["V"], Exptime = 300, Count = 1, BrightLimit = 14, FaintLimit = 19, StarDensity = 3000, Galaxies = 0 }],
        };
        var scene = new ImagingScene(model, plan, 11);
        var frame = NightScheduler.Schedule(model, plan, 11).Single(f => f.Kind == FrameKind.Object);
        return (model, plan, scene, frame);
    }

    private static double Aperture(float[] image, int nx, int ny, double cx, double cy, double radius, double background)
    {
        var sum = 0.0;
        for (var y = (int)Math.Floor(cy - radius - 1); y <= (int)Math.Ceiling(cy + radius + 1); y++)
            for (var x = (int)Math.Floor(cx - radius - 1); x <= (int)Math.Ceiling(cx + radius + 1); x++)
            {
                if (x < 0 || y < 0 || x >= nx || y >= ny) continue;
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) sum += image[y * nx + x] - background;
            }
        return sum;
    }

    private static List<SourceTruth> Isolated(IReadOnlyList<SourceTruth> sources, int nx, int ny, double margin, double separation)
        => sources.Where(s => s.X > margin && s.Y > margin && s.X < nx - 1 - margin && s.Y < ny - 1 - margin
            && !sources.Any(o => o.Id != s.Id && Math.Abs(o.X - s.X) < separation && Math.Abs(o.Y - s.Y) < separation && o.Electrons > 0.001 * s.Electrons)).ToList();

    public class Render
    {
        [Fact]
        public void Given_a_noiseless_render_When_stars_are_summed_in_apertures_Then_fluxes_match_the_catalog_magnitudes()
        {
            var (model, _, scene, frame) = Night();
            var (light, sources, _, sky) = scene.Render(frame);
            var layout = scene.Pattern.Layout;
            var (nx, ny) = (layout.Columns, layout.Rows);
            var flat = scene.Flat("V");
            var image = light!.Select((v, i) => v / flat[i]).ToArray();
            var filter = model.Filter("V");
            var fwhm = frame.Seeing / (model.Optics!.PixelScale * 4);
            var radius = 12 * fwhm;
            var stars = Isolated(sources, nx, ny, radius + 2, 2 * radius + 4).Where(s => s.Electrons > 5000).ToList();
            Assert.True(stars.Count >= 5, $"only {stars.Count} isolated stars");
            var catalog = scene.Catalogs[0].ToDictionary(s => s.Id);
            foreach (var s in stars)
            {
                // Independent truth: the magnitude in the catalog, the zero point and extinction of the model, the airmass of the frame.
                var m = catalog[s.Id].V;   // V filter: its effective wavelength is where the colour term is zero
                var expected = frame.Exptime * Math.Pow(10, -0.4 * (m + filter.Extinction * frame.Airmass - filter.ZeroPoint));
                var measured = Aperture(image, nx, ny, s.X, s.Y, radius, sky);
                var enclosed = MoffatStamp.EnclosedFraction(radius, fwhm, model.Optics.PsfBeta);
                Assert.InRange(measured / (expected * enclosed), 0.99, 1.01);
            }
        }

        [Fact]
        public void Given_a_noiseless_render_When_stars_are_centroided_Then_they_sit_where_the_true_WCS_puts_them()
        {
            var (_, _, scene, frame) = Night(seeing: 2.5);
            var (light, sources, wcs, sky) = scene.Render(frame);
            var layout = scene.Pattern.Layout;
            var (nx, ny) = (layout.Columns, layout.Rows);
            var flat = scene.Flat("V");
            var catalog = scene.Catalogs[0].ToDictionary(s => s.Id);
            var stars = Isolated(sources, nx, ny, 12, 24).Where(s => s.Electrons > 20000).ToList();
            Assert.True(stars.Count >= 5, $"only {stars.Count} isolated stars");
            foreach (var s in stars)
            {
                double sw = 0, sx = 0, sy = 0;
                var (ix, iy) = ((int)Math.Round(s.X), (int)Math.Round(s.Y));
                for (var y = iy - 8; y <= iy + 8; y++)
                    for (var x = ix - 8; x <= ix + 8; x++)
                    {
                        var v = light![y * nx + x] / flat[y * nx + x] - sky;
                        sw += v; sx += v * x; sy += v * y;
                    }
                var (ex, ey) = wcs!.WorldToPixel(catalog[s.Id].Ra, catalog[s.Id].Dec);
                Assert.InRange(sx / sw - ex, -0.03, 0.03);
                Assert.InRange(sy / sw - ey, -0.03, 0.03);
            }
        }

        [Fact]
        public void Given_a_dome_flat_When_rendered_Then_it_is_the_true_flat_times_the_lamp_level_and_gradient()
        {
            var (model, _, scene, _) = Night();
            var frame = NightScheduler.Schedule(model, new NightPlan { Binning = 4, Calibrations = [new CalibrationBlock { Type = "flat", Filters = ["V"], Count = 1, Level = 20000 }] }, 1)[0];
            var (light, _, _, _) = scene.Render(frame);
            var nx = scene.Pattern.Layout.Columns;
            var flat = scene.Flat("V");
            var level = model.Filter("V").DomeFlatRate * 16 * frame.Exptime;
            var g = model.Optics!.DomeFlatGradient;
            foreach (var (x, y) in new[] { (0, 0), (100, 300), (511, 511), (256, 17) })
                Assert.Equal(level * (1 + g * (x / 511.0 - 0.5)) * flat[y * nx + x], light![y * nx + x], 0.002 * level);
            Assert.Equal(1.0, flat.Average(v => (double)v), 6);
        }
    }

    public class TrueWcs
    {
        [Fact]
        public void Given_the_true_WCS_When_compared_with_the_header_WCS_Then_they_differ_by_the_pointing_rotation_and_distortion_only()
        {
            var (model, _, scene, frame) = Night();
            var layout = scene.Pattern.Layout;
            var truth = FrameWcs.True(layout, model.Optics!, frame.TruePointing!.Value);
            var nominal = FrameWcs.Nominal(layout, model.Optics!, frame.Pointing!.Value);
            var (ra, dec) = truth.PixelToWorld(255.5, 255.5);
            Assert.Equal(frame.TruePointing.Value.Ra, ra, 9);
            Assert.Equal(frame.TruePointing.Value.Dec, dec, 9);
            var (rx, ry) = nominal.WorldToPixel(ra, dec);
            var offset = Math.Sqrt(Math.Pow(rx - layout.TrimOffset - 255.5, 2) + Math.Pow(ry - 255.5, 2)) * model.Optics!.PixelScale * 4;
            Assert.InRange(offset, 0, 5 * model.Optics.PointingError);
            // The SIP term moves the corner by the model's distortion (in binned pixels).
            var plain = truth.WithSip(null);
            var (cra, cdec) = truth.PixelToWorld(0, 0);
            var (px, py) = plain.WorldToPixel(cra, cdec);
            var shift = Math.Sqrt(Math.Pow(px - 0, 2) + Math.Pow(py - 0, 2));
            Assert.Equal(model.Optics.Distortion / 4, shift, 0.01);
        }
    }
}
