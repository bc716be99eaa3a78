using Parallax.Imaging.Fitting;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Fitting;

/// <summary>
/// BSplineFitter against scipy.interpolate.make_lsq_spline and LSQUnivariateSpline (weighted cubic
/// least-squares splines on uniform and uneven breakpoints; data/fitting/make_fitting_vectors.py), exact
/// recovery of a noiseless cubic spline, and rejection of injected outliers (a sky-like profile).
/// Tolerance against scipy: 1e-8 relative plus 1e-8 absolute — both solve the banded normal equations.
/// </summary>
public class BSplineFitterTests
{
    public static TheoryData<int> SplineCases => FittingVectors.Indices("spline");

    public class Fit
    {
        [Theory]
        [MemberData(nameof(SplineCases), MemberType = typeof(BSplineFitterTests))]
        public void Given_weighted_noisy_data_and_breakpoints_When_fitted_Then_coefficients_values_and_derivative_match_scipy(int index)
        {
            var e = FittingVectors.Case("spline", index);
            var x = FittingVectors.Root.Array("xs");
            var y = FittingVectors.Root.Array("ys");
            var w = FittingVectors.Root.Array("ws");

            var result = BSplineFitter.Fit(x, y, new BSplineFitOptions { Breakpoints = e.Array("breakpoints") }, w);

            var knots = e.Array("knots");
            Assert.Equal(knots, result.Model.Knots.ToArray());
            var coef = e.Array("coef");
            Assert.Equal(coef.Length, result.Model.Coefficients.Length);
            for (var k = 0; k < coef.Length; k++) Close.Equal(coef[k], result.Model.Coefficients[k], 1e-8, 1e-8, $"c{k}");
            var xe = e.Array("xe");
            var ye = e.Array("ye");
            var yl = e.Array("ye_lsq");
            var dye = e.Array("dye");
            var derivative = result.Model.Derivative();
            for (var i = 0; i < xe.Length; i++)
            {
                Close.Equal(ye[i], result.Model.Evaluate(xe[i]), 1e-8, 1e-8, $"s({xe[i]})");
                Close.Equal(yl[i], result.Model.Evaluate(xe[i]), 1e-8, 1e-8, $"LSQUnivariateSpline({xe[i]})");
                Close.Equal(dye[i], derivative.Evaluate(xe[i]), 1e-8, 1e-10, $"s'({xe[i]})");
            }
        }

        [Fact]
        public void Given_uniform_intervals_When_fitted_Then_the_breakpoints_span_the_data_evenly()
        {
            var x = FittingVectors.Root.Array("xs");
            var y = FittingVectors.Root.Array("ys");
            var e = FittingVectors.Case("spline", 0); // uniform8: 8 equal intervals over the data range

            var result = BSplineFitter.Fit(x, y, new BSplineFitOptions { Intervals = 8 }, FittingVectors.Root.Array("ws"));

            var expected = e.Array("breakpoints");
            var actual = result.Model.Breakpoints;
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++) Close.Equal(expected[i], actual[i], 1e-12, 0, $"breakpoint {i}");
            Close.Equal(e.Array("coef")[5], result.Model.Coefficients[5], 1e-8, 1e-8, "c5");
        }

        [Fact]
        public void Given_a_noiseless_cubic_spline_When_fitted_on_its_own_breakpoints_Then_it_is_recovered_to_rounding()
        {
            double[] breakpoints = [0, 100, 250, 300, 700, 1023];
            var knots = new[] { 0.0, 0, 0, 0, 100, 250, 300, 700, 1023, 1023, 1023, 1023 };
            double[] c = [5, -3, 8, 2, 2.5, 10, -1, 4];
            var truth = new BSpline1D(knots, c, 3);
            var x = Enumerable.Range(0, 1024).Select(i => (double)i).ToArray();
            var y = x.Select(truth.Evaluate).ToArray();

            var result = BSplineFitter.Fit(x, y, new BSplineFitOptions { Breakpoints = breakpoints });

            for (var k = 0; k < c.Length; k++) Close.Equal(c[k], result.Model.Coefficients[k], 0, 1e-10, $"c{k}");
        }

        [Fact]
        public void Given_breakpoint_spacing_When_fitted_Then_intervals_are_equal_and_no_wider_than_the_spacing()
        {
            var x = Enumerable.Range(0, 1001).Select(i => (double)i).ToArray();
            var y = x.Select(v => Math.Sin(v / 50)).ToArray();

            var result = BSplineFitter.Fit(x, y, new BSplineFitOptions { BreakpointSpacing = 60 });

            var b = result.Model.Breakpoints;
            Assert.Equal(18, b.Length); // ⌈1000 / 60⌉ = 17 intervals of 58.8
            Close.Equal(1000.0 / 17, b[1] - b[0], 1e-12, 0, "spacing");
            // Cubic approximation error ∝ h⁴·f⁗ = (58.8/50)⁴ ≈ 2 × 0.013 at worst for the interpolant; least squares does better.
            Close.Equal(0, result.Rms, 0, 5e-3, "rms of sin(x/50) on 59-pixel intervals");
        }

        [Fact]
        public void Given_a_sky_profile_with_cosmic_rays_When_fitted_with_rejection_Then_the_hits_are_rejected_and_the_sky_recovered()
        {
            var g = new Gaussian(11);
            var x = Enumerable.Range(0, 2000).Select(i => (double)i).ToArray();
            double Sky(double v) => 500 + 80 * Math.Exp(-0.5 * Math.Pow((v - 700) / 40, 2)) + 0.05 * v;
            var y = x.Select(v => Sky(v) + 3 * g.Next()).ToArray();
            int[] hits = [55, 56, 400, 1200, 1201, 1202, 1899];
            foreach (var i in hits) y[i] += 200;

            var result = BSplineFitter.Fit(x, y, new BSplineFitOptions
            {
                BreakpointSpacing = 25,
                Rejection = new RejectionOptions { LowerSigma = 5, UpperSigma = 5, MaxIterations = 10 },
            });

            Assert.Equal(hits, Enumerable.Range(0, 2000).Where(i => result.Rejected[i]).ToArray());
            // Each coefficient rests on ~25 points with σ = 3: the model is good to ≈ 1; allow 4× that.
            foreach (var v in new[] { 100.0, 650, 700, 1201, 1900 }) Close.Equal(Sky(v), result.Model.Evaluate(v), 0, 4, $"sky({v})");
        }

        [Fact]
        public void Given_a_masked_gap_wider_than_the_spacing_When_fitted_Then_the_gap_loses_breakpoints_and_the_fit_stays_determined()
        {
            var x = Enumerable.Range(0, 500).Select(i => (double)i).ToArray();
            var y = x.Select(v => 10 + 0.01 * v).ToArray();
            var exclude = x.Select(v => v is >= 200 and < 300).ToArray();

            var result = BSplineFitter.Fit(x, y, new BSplineFitOptions { BreakpointSpacing = 20 }, exclude: exclude);

            Assert.DoesNotContain(result.Model.Breakpoints, b => b > 220 && b < 280);
            Close.Equal(12.5, result.Model.Evaluate(250), 0, 1e-8, "a straight line bridges the gap");
            Assert.Equal(400, result.NumberUsed);
        }

        [Fact]
        public void Given_too_few_points_When_fitted_Then_a_clear_error_is_raised()
            => Assert.Throws<InvalidOperationException>(() => BSplineFitter.Fit([0.0, 1, 2], [1.0, 2, 3], new BSplineFitOptions { Intervals = 4 }));
    }
}
