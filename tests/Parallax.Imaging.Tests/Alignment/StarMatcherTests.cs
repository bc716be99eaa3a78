using Parallax.Imaging.Alignment;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Alignment;

/// <summary>
/// Asterism matching on synthetic star lists with a known transform: noise, 30% missing and 30% extra stars,
/// rotation, scale, mirror. The fit must recover the transform within 0.01 px at the field centre and 0.01°.
/// </summary>
public class StarMatcherTests
{
    /// <summary>
    /// Source: <paramref name="n"/> stars uniform in 2000 × 2000 px with fluxes spread over 5 magnitudes. Target: the
    /// true transform of 70% of them plus Gaussian noise of <paramref name="noise"/> px per axis, fluxes jittered
    /// by 10%, and as many extra stars (30% of the list) at random places with random fluxes.
    /// </summary>
    private static (List<StarPoint> Source, List<StarPoint> Target, int Common) Lists(AffineTransform2D truth, int n, double noise, int seed)
    {
        var g = new Gaussian(seed);
        var source = new List<StarPoint>();
        for (var i = 0; i < n; i++) source.Add(new StarPoint(g.Uniform() * 2000, g.Uniform() * 2000, Math.Pow(10, 2 * g.Uniform() + 2)));
        var target = new List<StarPoint>();
        var common = 0;
        foreach (var s in source)
        {
            if (g.Uniform() < 0.3) continue; // missing from the target
            var (x, y) = truth.Apply(s.X, s.Y);
            target.Add(new StarPoint(x + noise * g.Next(), y + noise * g.Next(), s.Flux * (1 + 0.1 * g.Next())));
            common++;
        }
        var extras = (int)(0.3 * n);
        for (var i = 0; i < extras; i++) target.Add(new StarPoint(g.Uniform() * 2400 - 200, g.Uniform() * 2400 - 200, Math.Pow(10, 2 * g.Uniform() + 2)));
        // Shuffle so list order carries no information.
        for (var i = target.Count - 1; i > 0; i--)
        {
            var j = g.Index(i + 1);
            (target[i], target[j]) = (target[j], target[i]);
        }
        return (source, target, common);
    }

    private static void AssertRecovers(AffineTransform2D truth, StarMatchResult r)
    {
        Assert.True(r.Succeeded, r.Message);
        var (ex, ey) = truth.Apply(1000, 1000);
        var (fx, fy) = r.Transform.Apply(1000, 1000);
        Assert.True(Math.Abs(fx - ex) <= 0.01 && Math.Abs(fy - ey) <= 0.01, $"field centre off by ({fx - ex:G3}, {fy - ey:G3}) px: {r.Message}");
        var dRot = Math.IEEERemainder(r.Transform.RotationDegrees - truth.RotationDegrees, 360);
        Assert.True(Math.Abs(dRot) <= 0.01, $"rotation off by {dRot:G3} deg");
        Assert.Equal(truth.IsFlipped, r.Transform.IsFlipped);
        Assert.Equal(truth.Scale, r.Transform.Scale, 1e-4);
    }

    public class Match
    {
        [Theory]
        [InlineData(37.3, 1.013, false)]
        [InlineData(-151.0, 0.97, false)]
        [InlineData(12.5, 1.0, true)]
        [InlineData(180.0, 1.002, true)]
        public void Given_lists_with_30_percent_outliers_When_matched_Then_the_known_similarity_is_recovered(double rotation, double scale, bool flip)
        {
            var truth = AffineTransform2D.Similarity(scale, rotation, 123.4, -56.7, flip);
            var (source, target, common) = Lists(truth, 200, 0.02, seed: (int)(rotation * 10) + (flip ? 1 : 0));
            var r = StarMatcher.Match(source, target);
            AssertRecovers(truth, r);
            // Nearly every common star is found and every pair is a true one.
            Assert.InRange(r.Pairs.Count, (int)(0.95 * common), common);
            foreach (var p in r.Pairs)
            {
                var (x, y) = truth.Apply(source[p.SourceIndex].X, source[p.SourceIndex].Y);
                Assert.True(Math.Abs(target[p.TargetIndex].X - x) < 0.2 && Math.Abs(target[p.TargetIndex].Y - y) < 0.2);
            }
            Assert.InRange(r.Rms, 0.01, 0.05);
        }

        [Fact]
        public void Given_an_affine_distortion_When_matched_with_the_affine_model_Then_the_affine_is_recovered()
        {
            var truth = new AffineTransform2D(1.01, 0.02, -0.015, 0.995, -40.2, 77.7);
            var (source, target, _) = Lists(truth, 200, 0.02, seed: 5);
            var r = StarMatcher.Match(source, target, new StarMatchParameters { Model = TransformModel.Affine });
            Assert.True(r.Succeeded, r.Message);
            foreach (var (x, y) in new[] { (0.0, 0.0), (2000.0, 0.0), (0.0, 2000.0), (2000.0, 2000.0), (1000.0, 1000.0) })
            {
                var (ex, ey) = truth.Apply(x, y);
                var (fx, fy) = r.Transform.Apply(x, y);
                Assert.True(Math.Abs(fx - ex) <= 0.02 && Math.Abs(fy - ey) <= 0.02, $"({x}, {y}) off by ({fx - ex:G3}, {fy - ey:G3})");
            }
        }

        [Fact]
        public void Given_a_gross_outlier_among_the_pairs_When_fitted_Then_sigma_clipping_rejects_it()
        {
            var truth = AffineTransform2D.Similarity(1, 5, 10, 20);
            var (source, target, _) = Lists(truth, 150, 0.02, seed: 9);
            // A target star moved by 1.5 px: inside the match radius, far outside the noise.
            var pairs = StarMatcher.Match(source, target).Pairs;
            var victim = pairs[0].TargetIndex;
            target[victim] = target[victim] with { X = target[victim].X + 1.5 };
            var r = StarMatcher.Match(source, target);
            Assert.True(r.Succeeded, r.Message);
            Assert.DoesNotContain(r.Pairs, p => p.TargetIndex == victim);
            Assert.True(r.Rejected >= 1);
        }

        [Fact]
        public void Given_unrelated_lists_When_matched_Then_it_fails_with_a_reason()
        {
            var g = new Gaussian(77);
            var a = Enumerable.Range(0, 100).Select(_ => new StarPoint(g.Uniform() * 2000, g.Uniform() * 2000, g.Uniform())).ToList();
            var b = Enumerable.Range(0, 100).Select(_ => new StarPoint(g.Uniform() * 2000, g.Uniform() * 2000, g.Uniform())).ToList();
            var r = StarMatcher.Match(a, b);
            Assert.False(r.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(r.Message));
            Assert.Empty(r.Pairs);
        }

        [Fact]
        public void Given_two_stars_When_matched_Then_it_fails_saying_there_are_too_few()
        {
            var r = StarMatcher.Match([new(0, 0, 1), new(5, 5, 1)], [new(0, 0, 1), new(5, 5, 1), new(9, 1, 1)]);
            Assert.False(r.Succeeded);
            Assert.Contains("too few", r.Message);
        }
    }
}
