using Parallax.Fits.Coordinates;
using Parallax.Imaging.Astrometry;
using Parallax.Imaging.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Astrometry;

public class AstrometricSolverTests
{
    public class Solve
    {
        [Fact]
        public void Given_simulated_frames_and_the_truth_catalog_When_solved_Then_the_WCS_matches_the_true_one_within_a_tenth_of_a_pixel()
        {
            foreach (var frame in SimulatedField.Frames)
            {
                var before = SimulatedField.RmsAgainstTruth(frame.Approximate, frame.True, frame.Image.Width, frame.Image.Height);

                var solution = AstrometricSolver.Solve(frame.Image, frame.Approximate, SimulatedField.Catalog, new AstrometryParameters { Band = "V" });

                Assert.True(solution.Succeeded, solution.Message);
                var after = SimulatedField.RmsAgainstTruth(solution.Wcs!, frame.True, frame.Image.Width, frame.Image.Height);
                // The header is off by several pixels (pointing, rotation); the truth check is over the whole frame.
                Assert.True(before > 1.0, $"{frame.Name}: the header WCS was already within {before:0.###} px: the test would prove nothing");
                Assert.True(after < 0.1, $"{frame.Name}: solved WCS is {after:0.###} px rms from the truth ({solution.Message})");
                Assert.True(solution.Matches.Count >= 50, $"{frame.Name}: only {solution.Matches.Count} matches");
                Assert.Equal(3, solution.SipOrder);
                Assert.InRange(solution.RmsArcsec, 0.0, 0.15);
                Close.Equal(solution.RmsPixels * solution.Wcs!.PixelScale * 3600, solution.RmsArcsec, 1e-12);
            }
        }

        [Fact]
        public void Given_a_TAN_only_fit_When_solved_Then_the_true_distortion_remains_in_the_residuals()
        {
            var frame = SimulatedField.Frames[0];

            var tan = AstrometricSolver.Solve(frame.Image, frame.Approximate, SimulatedField.Catalog, new AstrometryParameters { SipOrder = 0 });
            var sip = AstrometricSolver.Solve(frame.Image, frame.Approximate, SimulatedField.Catalog, new AstrometryParameters { SipOrder = 3 });

            // The simulator's pincushion is 0.6 px (binned) at the corners: TAN alone cannot follow it.
            Assert.True(tan.Succeeded && sip.Succeeded);
            Assert.Null(tan.Wcs!.Sip);
            Assert.True(SimulatedField.RmsAgainstTruth(tan.Wcs, frame.True, 1024, 1024) > 2 * SimulatedField.RmsAgainstTruth(sip.Wcs!, frame.True, 1024, 1024));
        }

        [Fact]
        public void Given_fewer_stars_than_needed_When_solved_Then_it_fails_cleanly_with_the_counts()
        {
            var frame = SimulatedField.Frames[0];
            var few = new ReferenceCatalog([135.0, 135.01, 135.02], [25.0, 25.01, 25.0]);

            var solution = AstrometricSolver.Solve(frame.Image, frame.Approximate, few);

            Assert.False(solution.Succeeded);
            Assert.Null(solution.Wcs);
            Assert.Contains("too few stars", solution.Message);
            Assert.True(solution.Numbers["catalog_stars"] <= 3);
            Assert.True(solution.Numbers["detected"] > 50);
        }

        [Fact]
        public void Given_a_catalog_of_another_field_When_solved_Then_it_fails_with_no_consistent_offset()
        {
            var frame = SimulatedField.Frames[0];
            var c = SimulatedField.Catalog;
            // The same stars shifted by 5 arcmin: plenty on the frame, none where the frame's stars are.
            var shifted = new ReferenceCatalog([.. c.Ra.Select(r => r + 5.0 / 60)], c.Dec, new Dictionary<string, double[]> { ["V"] = c.Magnitudes("V")! });

            var solution = AstrometricSolver.Solve(frame.Image, frame.Approximate, shifted, new AstrometryParameters { Band = "V" });

            Assert.False(solution.Succeeded, solution.Message);
        }

        [Fact]
        public void Given_stars_placed_exactly_by_a_known_WCS_When_solved_from_a_rotated_header_Then_the_WCS_is_recovered()
        {
            // Analytic: sources at the exact pixel positions of catalog stars under a TAN+SIP WCS; the header is
            // rotated by 0.3° and off by 10 arcsec. The fit must return the WCS to rounding-level accuracy.
            var a = new double[4, 4];
            var b = new double[4, 4];
            a[2, 0] = 2e-6; a[0, 2] = -1e-6; a[3, 0] = 1e-9;
            b[1, 1] = 1.5e-6; b[0, 3] = -2e-9;
            var truth = Wcs.CreateTan(200.0, -30.0, 500.5, 400.5, 0.5 / 3600, 12.0).WithSip(new SipDistortion(a, b));
            var random = new Random(3);
            var ra = new List<double>();
            var dec = new List<double>();
            var sources = new List<Source>();
            for (var i = 0; i < 300; i++)
            {
                var x = random.NextDouble() * 999;
                var y = random.NextDouble() * 799;
                var (r, d) = truth.PixelToWorld(x, y);
                ra.Add(r);
                dec.Add(d);
                sources.Add(new Source { Number = i + 1, X = x, Y = y, XWin = x, YWin = y, FluxIso = 1000 + i, Fwhm = 3 });
            }
            var header = Wcs.CreateTan(200.0 + 10.0 / 3600, -30.0, 500.5, 400.5, 0.5 / 3600, 12.3);

            var solution = AstrometricSolver.Solve(sources, 1000, 800, header, new ReferenceCatalog([.. ra], [.. dec]));

            Assert.True(solution.Succeeded, solution.Message);
            Assert.Equal(300, solution.Matches.Count);
            Assert.True(SimulatedField.RmsAgainstTruth(solution.Wcs!, truth, 1000, 800) < 1e-4);
            Assert.True(solution.RmsPixels < 1e-4);
        }
    }
}
