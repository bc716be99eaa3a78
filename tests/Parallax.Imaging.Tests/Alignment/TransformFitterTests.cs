using Parallax.Imaging.Alignment;

namespace Parallax.Imaging.Tests.Alignment;

/// <summary>Least-squares transform fits on exact point pairs recover the transform to rounding.</summary>
public class TransformFitterTests
{
    private static (double X, double Y)[] Points => [(0, 0), (100, 3), (37, 250), (300, 310), (-50, 120)];

    public class Fit
    {
        [Theory]
        [InlineData(0.0, 1.0, false)]
        [InlineData(73.0, 1.2, false)]
        [InlineData(-120.0, 0.8, true)]
        public void Given_exact_similarity_pairs_When_fitted_Then_the_similarity_is_recovered(double rotation, double scale, bool flip)
        {
            var truth = AffineTransform2D.Similarity(scale, rotation, 5.5, -7.25, flip);
            var target = Points.Select(p => truth.Apply(p.X, p.Y)).ToArray();
            var fit = TransformFitter.Fit(Points, target, TransformModel.Similarity)!.Value;
            Assert.Equal(truth.A, fit.A, 1e-12); Assert.Equal(truth.B, fit.B, 1e-12); Assert.Equal(truth.C, fit.C, 1e-12);
            Assert.Equal(truth.D, fit.D, 1e-12); Assert.Equal(truth.Tx, fit.Tx, 1e-9); Assert.Equal(truth.Ty, fit.Ty, 1e-9);
            Assert.Equal(rotation, fit.RotationDegrees, 1e-9);
        }

        [Fact]
        public void Given_mirrored_pairs_When_flips_are_not_allowed_Then_the_proper_fit_is_returned()
        {
            var truth = AffineTransform2D.Similarity(1, 30, 0, 0, flipped: true);
            var target = Points.Select(p => truth.Apply(p.X, p.Y)).ToArray();
            Assert.False(TransformFitter.Fit(Points, target, TransformModel.Similarity, allowFlip: false)!.Value.IsFlipped);
        }

        [Fact]
        public void Given_exact_affine_pairs_When_fitted_Then_the_affine_is_recovered_and_inverts()
        {
            var truth = new AffineTransform2D(1.1, 0.2, -0.3, 0.9, 12, -4);
            var target = Points.Select(p => truth.Apply(p.X, p.Y)).ToArray();
            var fit = TransformFitter.Fit(Points, target, TransformModel.Affine)!.Value;
            var (x, y) = fit.Inverse().Apply(fit.Apply(17, 29).X, fit.Apply(17, 29).Y);
            Assert.Equal(17, x, 1e-9);
            Assert.Equal(29, y, 1e-9);
            Assert.Equal(truth.B, fit.B, 1e-12);
            Assert.Equal(truth.Ty, fit.Ty, 1e-9);
        }

        [Fact]
        public void Given_too_few_or_collinear_points_When_fitted_Then_null()
        {
            (double, double)[] line = [(0, 0), (1, 1), (2, 2), (3, 3)];
            Assert.Null(TransformFitter.Fit(line, line, TransformModel.Affine));
            Assert.Null(TransformFitter.Fit([(0.0, 0.0)], [(1.0, 1.0)], TransformModel.Similarity));
        }
    }
}
