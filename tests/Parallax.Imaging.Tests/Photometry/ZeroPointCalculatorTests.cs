using Parallax.Imaging.Astrometry;
using Parallax.Imaging.Photometry;
using Parallax.Imaging.Tests.Astrometry;
using Parallax.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Imaging.Tests.Photometry;

public class ZeroPointCalculatorTests
{
    public class Measure(ITestOutputHelper output)
    {
        [Fact]
        public void Given_simulated_frames_When_measured_on_the_matched_stars_Then_the_zero_point_is_the_true_one_within_0_02_mag()
        {
            var v = SimulatedField.Model.Filters.Single(f => f.Name == "V");
            foreach (var frame in SimulatedField.Frames)
            {
                var solution = AstrometricSolver.Solve(frame.Image, frame.Approximate, SimulatedField.Catalog, new AstrometryParameters { Band = "V" });
                Assert.True(solution.Succeeded, solution.Message);
                var mags = SimulatedField.Catalog.Magnitudes("V")!;
                var stars = solution.Matches.Select(m => new ZeroPointStar(m.X, m.Y, mags[m.CatalogIndex])).ToList();

                var zp = ZeroPointCalculator.Measure(frame.Image, stars, frame.ExposureTime, solution.Fwhm, neighbours: solution.Detections);

                // Truth: electrons = EXPTIME·10^(−0.4 (m + k·X − ZP)) before the flat, so the frame's ZP for e/s is ZP − k·X.
                var expected = v.ZeroPoint - v.Extinction * frame.Airmass;
                output.WriteLine($"{frame.Name}: astrometry {solution.Message}; rms vs truth {SimulatedField.RmsAgainstTruth(solution.Wcs!, frame.True, 1024, 1024):0.####} px; {zp.Message}; truth {expected:0.####}");
                Assert.True(zp.Succeeded, zp.Message);
                Close.Equal(expected, zp.ZeroPoint, 0, 0.02, $"{frame.Name} zero point");
                Assert.InRange(zp.Error, 1e-4, 0.02);
                Assert.True(zp.Stars >= 20, zp.Message);
                Assert.InRange(zp.ApertureCorrection, -0.2, 0.0);
            }
        }

        [Fact]
        public void Given_a_colour_that_shifts_magnitudes_linearly_When_a_colour_term_is_fitted_Then_the_slope_is_recovered()
        {
            var frame = SimulatedField.Frames[0];
            var v = SimulatedField.Model.Filters.Single(f => f.Name == "V");
            var solution = AstrometricSolver.Solve(frame.Image, frame.Approximate, SimulatedField.Catalog, new AstrometryParameters { Band = "V" });
            var mags = SimulatedField.Catalog.Magnitudes("V")!;
            var random = new Random(11);
            // Catalog magnitudes made 0.1 × colour too faint: the fit must find a colour term of +0.1 and keep the zero point.
            var stars = solution.Matches.Select(m =>
            {
                var colour = random.NextDouble() * 2 - 0.5;
                return new ZeroPointStar(m.X, m.Y, mags[m.CatalogIndex] + 0.1 * colour, colour);
            }).ToList();

            var zp = ZeroPointCalculator.Measure(frame.Image, stars, frame.ExposureTime, solution.Fwhm, new ZeroPointParameters { FitColourTerm = true }, solution.Detections);

            Assert.True(zp.Succeeded, zp.Message);
            Close.Equal(0.1, zp.ColourTerm, 0, 0.02, "colour term");
            Close.Equal(v.ZeroPoint - v.Extinction * frame.Airmass, zp.ZeroPoint, 0, 0.02, "zero point at colour 0");
        }

        [Fact]
        public void Given_too_few_stars_When_measured_Then_it_fails_and_says_how_many()
        {
            var frame = SimulatedField.Frames[0];

            var zp = ZeroPointCalculator.Measure(frame.Image, [new ZeroPointStar(10, 10, 15)], frame.ExposureTime, 2.0);

            Assert.False(zp.Succeeded);
            Assert.True(double.IsNaN(zp.ZeroPoint));
            Assert.Contains("at least 3 needed", zp.Message);
        }
    }
}
