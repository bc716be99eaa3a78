using Parallax.Spectroscopy.Arcs;

namespace Parallax.Spectroscopy.Tests.Arcs;

public class ArcLineFinderTests
{
    // Pixel-integrated Gaussians (what a detector records) of the given centres, peak heights and σ on a constant.
    private static ArcSpectrum Spectrum(int n, (double Centre, double Height)[] lines, double sigma = 1.1, double background = 10, double noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        var flux = new float[n];
        var variance = new float[n];
        for (var x = 0; x < n; x++)
        {
            double v = background;
            foreach (var (c, a) in lines)
                v += a * sigma * Math.Sqrt(Math.PI / 2) * (Erf((x + 0.5 - c) / (sigma * Math.Sqrt(2))) - Erf((x - 0.5 - c) / (sigma * Math.Sqrt(2))));
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            flux[x] = (float)(v + noise * g);
            variance[x] = noise > 0 ? (float)(noise * noise) : 0;
        }
        return new ArcSpectrum(flux, variance);
    }

    private static double Erf(double x) => MathNet.Numerics.SpecialFunctions.Erf(x);

    public class Find
    {
        [Fact]
        public void Given_noiseless_isolated_lines_at_any_subpixel_phase_When_found_Then_each_centre_is_exact_to_0_001_px()
        {
            var truth = Enumerable.Range(0, 10).Select(i => (Centre: 40 + 45 * i + 0.1 * i, Height: 1000.0 + 100 * i)).ToArray();
            var lines = ArcLineFinder.Find(Spectrum(512, truth, noise: 0.5));
            Assert.Equal(truth.Length, lines.Count);
            foreach (var (line, t) in lines.Zip(truth))
            {
                Assert.InRange(line.Centre - t.Centre, -0.002, 0.002);
                Assert.InRange(line.Fwhm, 2.58, 2.60);
                Assert.False(line.IsBlend);
            }
        }

        [Fact]
        public void Given_noisy_lines_When_found_Then_the_stated_centre_errors_match_the_scatter()
        {
            var pulls = new List<double>();
            for (var seed = 1; seed <= 40; seed++)
            {
                var lines = ArcLineFinder.Find(Spectrum(200, [(100.3, 200)], noise: 5, seed: seed));
                var line = lines.Single(l => Math.Abs(l.Centre - 100.3) < 1);
                pulls.Add((line.Centre - 100.3) / line.CentreError);
            }
            var rms = Math.Sqrt(pulls.Average(p => p * p));
            // 40 trials: the rms of a unit normal lies within 0.75..1.3 with ~98 % probability.
            Assert.InRange(rms, 0.75, 1.3);
        }

        [Fact]
        public void Given_two_lines_1_5_FWHM_apart_When_found_Then_both_are_flagged_as_blends_and_an_isolated_one_is_not()
        {
            var lines = ArcLineFinder.Find(Spectrum(300, [(100, 1000), (104, 800), (200, 1000)], noise: 1));
            Assert.All(lines.Where(l => l.Centre < 150), l => Assert.True(l.IsBlend));
            Assert.False(lines.Single(l => l.Centre > 150).IsBlend);
        }

        [Fact]
        public void Given_a_line_below_the_threshold_When_found_Then_it_is_not_reported()
        {
            var lines = ArcLineFinder.Find(Spectrum(200, [(50, 1000), (150, 6)], noise: 3));
            Assert.Single(lines);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(5)]
        public void Given_a_spectrum_too_short_for_a_line_When_found_Then_nothing_is_reported(int n)
            => Assert.Empty(ArcLineFinder.Find(new ArcSpectrum(new float[n], new float[n])));

        [Fact]
        public void Given_NaN_columns_near_a_line_When_found_Then_the_line_is_skipped_and_others_measured()
        {
            var s = Spectrum(300, [(100, 1000), (200, 1000)], noise: 1);
            s.Flux[101] = float.NaN;
            var lines = ArcLineFinder.Find(s);
            Assert.DoesNotContain(lines, l => Math.Abs(l.Centre - 100) < 3);
            Assert.InRange(lines.Single().Centre, 199.98, 200.02);
        }
    }
}
