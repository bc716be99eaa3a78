using Parallax.Imaging.Fitting;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Fitting;

/// <summary>
/// SurfaceFitter against a weighted numpy lstsq over legvander2d/polyvander2d (data/fitting/
/// make_fitting_vectors.py), exact recovery of a noiseless surface on an image, cross-term rules, and
/// rejection. Tolerance against numpy: 1e-9 relative plus 1e-10 absolute (both least squares by an
/// orthogonal factorisation).
/// </summary>
public class SurfaceFitterTests
{
    public static TheoryData<int> SurfaceCases => FittingVectors.Indices("surface");

    public class Fit
    {
        [Theory]
        [MemberData(nameof(SurfaceCases), MemberType = typeof(SurfaceFitterTests))]
        public void Given_weighted_scattered_points_When_fitted_with_full_cross_terms_Then_coefficients_match_numpy(int index)
        {
            var e = FittingVectors.Case("surface", index);
            var root = FittingVectors.Root;
            var options = new SurfaceFitOptions
            {
                Basis = Enum.Parse<PolynomialBasis>(e.GetProperty("basis").GetString()!),
                XOrder = e.GetProperty("xorder").GetInt32(),
                YOrder = e.GetProperty("yorder").GetInt32(),
                XDomain = (0, 200),
                YDomain = (0, 100),
            };

            var result = SurfaceFitter.Fit(root.Array("sx"), root.Array("sy"), root.Array("sz"), options, root.Array("sw"));

            var rows = e.GetProperty("coef").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            Assert.Equal(12, result.Model.Terms.Length);
            for (var i = 0; i < rows.Length; i++)
                for (var j = 0; j < rows[i].Length; j++)
                    Close.Equal(rows[i][j], result.Model.Coefficient(i, j), 1e-9, 1e-10, $"c[{i},{j}]");
        }

        [Theory]
        [InlineData(CrossTerms.None, 7)]
        [InlineData(CrossTerms.Half, 10)]
        [InlineData(CrossTerms.Full, 16)]
        public void Given_a_cross_term_rule_When_fitted_Then_the_surface_has_the_expected_terms(CrossTerms rule, int count)
        {
            var image = new float[40 * 30];
            for (var y = 0; y < 30; y++)
                for (var x = 0; x < 40; x++) image[y * 40 + x] = 5 + 0.1f * x + 0.2f * y;

            var result = SurfaceFitter.FitImage(image, 40, 30, new SurfaceFitOptions { XOrder = 3, YOrder = 3, CrossTerms = rule });

            Assert.Equal(count, result.Model.Terms.Length);
            Close.Equal(5 + 0.1 * 17 + 0.2 * 21, result.Model.Evaluate(17, 21), 0, 1e-5, "plane value");
        }

        [Fact]
        public void Given_a_noiseless_surface_image_with_masked_pixels_When_fitted_Then_it_is_recovered_and_the_grid_evaluates_it()
        {
            const int width = 64, height = 48;
            double Truth(double x, double y) => 100 + 0.5 * x - 0.25 * y + 0.01 * x * y - 0.002 * x * x + 0.003 * y * y;
            var image = new float[width * height];
            var mask = new ushort[width * height];
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++) image[y * width + x] = (float)Truth(x, y);
            image[100] = 1e6f;
            mask[100] = (ushort)MaskBits.CosmicRay;

            var result = SurfaceFitter.FitImage(image, width, height, new SurfaceFitOptions { Basis = PolynomialBasis.Power, XOrder = 2, YOrder = 2 }, mask);
            var model = result.Model.EvaluateImage(width, height);

            Assert.Equal(width * height - 1, result.NumberUsed);
            // float32 inputs of ~150 carry 1e-5 rounding: the fit reproduces them to that.
            for (var p = 0; p < model.Length; p += 37) Close.Equal(Truth(p % width, p / width), model[p], 0, 3e-5, $"pixel {p}");
        }

        [Fact]
        public void Given_outliers_on_a_noisy_plane_When_fitted_with_rejection_Then_the_outliers_are_rejected()
        {
            var g = new Gaussian(21);
            var x = new double[400];
            var y = new double[400];
            var z = new double[400];
            for (var i = 0; i < 400; i++)
            {
                x[i] = i % 20;
                y[i] = i / 20;
                z[i] = 3 + 0.5 * x[i] - 0.2 * y[i] + 0.1 * g.Next();
            }
            int[] outliers = [5, 77, 250, 399];
            foreach (var i in outliers) z[i] += 5;

            var result = SurfaceFitter.Fit(x, y, z, new SurfaceFitOptions { XOrder = 1, YOrder = 1, Rejection = new RejectionOptions { LowerSigma = 5, UpperSigma = 5, MaxIterations = 5 } });

            Assert.Equal(outliers, Enumerable.Range(0, 400).Where(i => result.Rejected[i]).ToArray());
            Close.Equal(3 + 0.5 * 10 - 0.2 * 10, result.Model.Evaluate(10, 10), 0, 0.05, "z(10, 10)");
        }
    }
}
