using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Instruments;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Steps;
using Parallax.Recipes.Tests.Support;

namespace Parallax.Recipes.Tests;

public class LinearityStepTests
{
    private static readonly DetectorNonlinearity Simulated = new() { Coefficients = [-1.5e-7, 0.0], MaxAdu = 60000 };

    public class Inverse
    {
        [Theory]
        [InlineData(-1.5e-7, 0.0)]
        [InlineData(-1.0e-7, -1.0e-12)]
        [InlineData(2.0e-7, 1.0e-12)]
        public void Given_a_response_When_inverted_Then_the_correction_of_every_recorded_level_is_the_linear_signal_within_0_01_adu(double c2, double c3)
        {
            var response = new DetectorNonlinearity { Coefficients = [c2, c3], MaxAdu = 60000 };
            var correction = LinearityStep.Inverse(response);
            // Analytic truth: a → m(a) = a + c2 a² + c3 a³ is the forward model; the correction must take m back to a.
            for (var a = 0.0; a <= 58000; a += 250) Assert.Equal(a, correction.Apply(response.Recorded(a)), 0.01);
            Assert.Equal(60000, correction.FlagAboveAdu);
        }

        [Fact]
        public void Given_a_response_that_turns_over_When_inverted_Then_it_is_refused()
            => Assert.Throws<ArgumentException>(() => LinearityStep.Inverse(new DetectorNonlinearity { Coefficients = [-2e-5], MaxAdu = 60000 }));
    }

    public class Apply
    {
        [Fact]
        public void Given_a_simulated_flat_at_40000_adu_When_the_detector_step_corrects_the_linearity_Then_it_matches_the_linear_frame_within_0_05_percent()
        {
            // The same night twice with one seed (the simulator's draws are keyed by frame and row, so photon and
            // read noise are identical): once with the sim-imager's response, once linear. The linear frame is the truth.
            const string plan = """
                instrument: sim-imager
                start: 2025-03-16T02:00:00
                binning: 4
                calibrations:
                  - {type: flat, flat: dome, filters: [V], count: 1, level: 40000}
                """;
            using var nonlinear = new SimulatedImager(plan, 11);
            using var linear = new SimulatedImager(plan, 11, m => m with { Detector = m.Detector with { Nonlinearity = [0.0, 0.0] } });
            var rawNonlinear = nonlinear.Frames("FLAT", "FLAT").Single();
            var rawLinear = linear.Frames("FLAT", "FLAT").Single();
            var layout = nonlinear.Layout(rawNonlinear);
            Assert.All(layout.Amplifiers, a =>
            {
                Assert.Equal(Simulated.Coefficients, a.Nonlinearity!.Coefficients);
                Assert.Equal(Simulated.MaxAdu, a.Nonlinearity.MaxAdu);
            });

            var corrected = DetectorStep.Apply(rawNonlinear, layout, new ReduceImageParameters()).Image;
            var uncorrected = DetectorStep.Apply(rawNonlinear, layout, new ReduceImageParameters { CorrectLinearity = false }).Image;
            var truth = DetectorStep.Apply(rawLinear, layout, new ReduceImageParameters { CorrectLinearity = false }).Image;

            var level = RobustStatistics.Median(truth.Data);
            Assert.InRange(level, 35000, 45000);
            // Median of the per-pixel ratio: 0.05 % is the tolerance asked of the correction; without it the
            // response is −1.5e-7 × 40000 = −0.6 %, so the test fails when the correction is missing.
            Assert.InRange(MedianRatio(corrected, truth) - 1, -5e-4, 5e-4);
            Assert.InRange(MedianRatio(uncorrected, truth) - 1, -0.008, -0.004);
            Assert.Contains(Images.History(corrected.Header), h => h.Contains("linearity corrected", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(30000.0)]
        [InlineData(61000.0)]
        public void Given_a_raw_frame_with_overscan_When_the_detector_step_runs_Then_the_signal_is_the_root_of_the_response_and_pixels_above_max_adu_are_flagged(double recorded)
        {
            // Raw: 2 overscan columns at 1000 ADU, 6 data columns at 1000 + recorded.
            var raw = Images.Of(8, 4, (x, _) => x < 2 ? 1000 : 1000 + recorded);
            var frame = Images.Frame(raw, "FLAT");
            var layout = new Parallax.Pipeline.Recipes.DetectorLayout([new Parallax.Pipeline.Recipes.AmplifierLayout
            {
                Name = "A", Gain = 2, ReadNoise = 0,
                DataSection = Parallax.Imaging.Detector.ImageSection.Parse("[3:8,1:4]"),
                BiasSection = Parallax.Imaging.Detector.ImageSection.Parse("[1:2,1:4]"),
                Nonlinearity = Simulated,
            }]);
            var image = DetectorStep.Apply(frame, layout, new ReduceImageParameters { OverscanOrder = 0 }).Image;
            // Analytic truth: m = a + c2 a² ⇒ a = (√(1 + 4 c2 m) − 1) / (2 c2).
            const double c2 = -1.5e-7;
            var expected = (Math.Sqrt(1 + 4 * c2 * recorded) - 1) / (2 * c2);
            Assert.All(image.Data, v => Assert.Equal(expected, v, 0.05));
            // Variance: the Poisson term of the linear signal, a / gain (ADU²), read noise 0.
            Assert.All(image.Variance, v => Assert.Equal(expected / 2, v, 0.5));
            var flagged = recorded > 60000;
            Assert.All(image.Mask, m => Assert.Equal(flagged, (m & (ushort)MaskBits.Nonlinear) != 0));
        }

        [Fact]
        public void Given_no_overscan_When_the_detector_step_runs_Then_the_linearity_is_not_corrected_and_the_header_says_why()
        {
            var raw = Images.Of(8, 4, (x, _) => 31000);
            var layout = new Parallax.Pipeline.Recipes.DetectorLayout([new Parallax.Pipeline.Recipes.AmplifierLayout { Name = "A", Gain = 2, ReadNoise = 0, Nonlinearity = Simulated }]);
            var image = DetectorStep.Apply(Images.Frame(raw, "FLAT"), layout, new ReduceImageParameters { Overscan = OverscanMode.None }).Image;
            Assert.All(image.Data, v => Assert.Equal(31000f, v));
            Assert.Contains(Images.History(image.Header), h => h.Contains("linearity NOT corrected", StringComparison.Ordinal));
        }

        private static double MedianRatio(MaskedImage a, MaskedImage b)
        {
            var ratio = new float[a.PixelCount];
            for (var i = 0; i < ratio.Length; i++) ratio[i] = a.Data[i] / b.Data[i];
            return RobustStatistics.Median(ratio);
        }
    }
}
