using Parallax.Imaging.Fitting;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Fitting;

/// <summary>
/// PolynomialFitter against numpy.polynomial (Legendre/Chebyshev/Polynomial.fit with weights, explicit and
/// data domains; data/fitting/make_fitting_vectors.py), np.polyfit, exact recovery of noiseless
/// polynomials, and rejection of injected outliers. Tolerance against numpy: 1e-9 relative plus 1e-9
/// absolute — both solve the same well-conditioned least-squares problem, differing only in rounding.
/// </summary>
public class PolynomialFitterTests
{
    public static TheoryData<int> PolyCases => FittingVectors.Indices("poly");

    private static (double[] X, double[] Y, double[] W) Data()
        => (FittingVectors.Root.Array("x"), FittingVectors.Root.Array("y"), FittingVectors.Root.Array("w"));

    public class Fit
    {
        [Theory]
        [MemberData(nameof(PolyCases), MemberType = typeof(PolynomialFitterTests))]
        public void Given_weighted_noisy_data_When_fitted_without_rejection_Then_coefficients_values_and_derivative_match_numpy(int index)
        {
            var e = FittingVectors.Case("poly", index);
            var (x, y, w) = Data();
            var domain = e.Array("domain");
            var options = new PolynomialFitOptions
            {
                Basis = Enum.Parse<PolynomialBasis>(e.GetProperty("basis").GetString()!),
                Order = e.GetProperty("order").GetInt32(),
                DomainMin = domain[0] == x.Min() ? null : domain[0],
                DomainMax = domain[1] == x.Max() ? null : domain[1],
            };

            var result = PolynomialFitter.Fit(x, y, options, w);

            Assert.Equal(domain[0], result.Model.DomainMin);
            Assert.Equal(domain[1], result.Model.DomainMax);
            var coef = e.Array("coef");
            Assert.Equal(coef.Length, result.Model.Coefficients.Length);
            for (var k = 0; k < coef.Length; k++) Close.Equal(coef[k], result.Model.Coefficients[k], 1e-9, 1e-9, $"c{k}");
            var xe = e.Array("xe");
            var ye = e.Array("ye");
            var dye = e.Array("dye");
            var values = new double[xe.Length];
            result.Model.Evaluate(xe, values);
            var derivative = result.Model.Derivative();
            for (var i = 0; i < xe.Length; i++)
            {
                Close.Equal(ye[i], values[i], 1e-9, 1e-9, $"y({xe[i]})");
                Close.Equal(dye[i], derivative.Evaluate(xe[i]), 1e-9, 1e-11, $"y'({xe[i]})");
                Close.Equal(dye[i], result.Model.Derivative(xe[i]), 1e-9, 1e-11, $"y'({xe[i]}) direct");
            }
            Assert.Equal(x.Length, result.NumberUsed);
            Assert.Equal(0, result.NumberRejected);
        }

        [Fact]
        public void Given_np_polyfit_of_order_5_When_a_power_fit_of_order_5_is_made_Then_it_is_the_same_function()
        {
            var (x, y, w) = Data();
            var pf = FittingVectors.Root.GetProperty("polyfit");
            var result = PolynomialFitter.Fit(x, y, new PolynomialFitOptions { Basis = PolynomialBasis.Power, Order = 5 }, w);
            var xe = FittingVectors.Case("poly", 0).Array("xe");
            var ye = pf.Array("ye");
            for (var i = 0; i < xe.Length; i++) Close.Equal(ye[i], result.Model.Evaluate(xe[i]), 1e-8, 1e-8, $"y({xe[i]})");
        }

        [Theory]
        [InlineData(PolynomialBasis.Legendre)]
        [InlineData(PolynomialBasis.Chebyshev)]
        [InlineData(PolynomialBasis.Power)]
        public void Given_a_noiseless_order_6_polynomial_When_fitted_at_order_6_Then_it_is_recovered_to_rounding(PolynomialBasis basis)
        {
            var truth = new Polynomial1D(basis, [3, -2, 0.5, 1.25, -0.75, 0.1, 0.05], -20, 4100);
            var x = Enumerable.Range(0, 4096).Select(i => (double)i).ToArray();
            var y = x.Select(truth.Evaluate).ToArray();

            var result = PolynomialFitter.Fit(x, y, new PolynomialFitOptions { Basis = basis, Order = 6, DomainMin = -20, DomainMax = 4100 });

            for (var k = 0; k <= 6; k++) Close.Equal(truth.Coefficients[k], result.Model.Coefficients[k], 0, 1e-11, $"c{k}");
            Assert.True(result.Rms < 1e-12, $"rms {result.Rms}");
        }

        [Fact]
        public void Given_masked_and_NaN_points_When_fitted_Then_they_are_left_out_and_not_flagged_rejected()
        {
            var x = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
            var y = x.Select(v => 2 + 0.5 * v).ToArray();
            var exclude = new bool[50];
            y[10] = 1e6;
            exclude[10] = true;
            y[20] = double.NaN;
            x[30] = double.NaN;

            var result = PolynomialFitter.Fit(x, y, new PolynomialFitOptions { Order = 1 }, exclude: exclude);

            Assert.Equal(47, result.NumberUsed);
            Assert.Equal(0, result.NumberRejected);
            Close.Equal(2 + 0.5 * 25, result.Model.Evaluate(25), 0, 1e-10, "y(25)");
        }

        [Fact]
        public void Given_zero_weights_When_fitted_Then_those_points_carry_no_weight()
        {
            var x = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
            var y = x.Select(v => 1 - v).ToArray();
            var w = Enumerable.Repeat(1.0, 20).ToArray();
            y[3] = 500;
            w[3] = 0;

            var result = PolynomialFitter.Fit(x, y, new PolynomialFitOptions { Order = 1 }, w);

            Assert.Equal(19, result.NumberUsed);
            Close.Equal(-9, result.Model.Evaluate(10), 0, 1e-10, "y(10)");
        }

        [Fact]
        public void Given_noisy_data_with_injected_outliers_When_fitted_with_rejection_Then_exactly_the_outliers_go_and_the_curve_is_recovered()
        {
            var g = new Gaussian(7);
            var x = Enumerable.Range(0, 500).Select(i => (double)i).ToArray();
            var y = x.Select(v => 100 + 0.2 * v - 1e-4 * v * v + g.Next()).ToArray();
            int[] outliers = [17, 123, 124, 300, 451];
            foreach (var i in outliers) y[i] += i % 2 == 0 ? 40 : -35;

            var result = PolynomialFitter.Fit(x, y, new PolynomialFitOptions
            {
                Order = 2,
                Rejection = new RejectionOptions { LowerSigma = 5, UpperSigma = 5, MaxIterations = 10 },
            });

            Assert.Equal(outliers, Enumerable.Range(0, 500).Where(i => result.Rejected[i]).ToArray());
            Assert.Equal(495, result.NumberUsed);
            // Truth at mid-range within 4 standard errors of a 495-point quadratic fit (σ = 1: ≈ 0.07).
            Close.Equal(100 + 0.2 * 250 - 1e-4 * 250 * 250, result.Model.Evaluate(250), 0, 0.3, "y(250)");
            Close.Equal(1, result.Rms, 0, 0.1, "rms of unit noise");
        }

        [Fact]
        public void Given_one_outlier_and_grow_1_When_fitted_with_rejection_Then_its_neighbours_go_too()
        {
            var g = new Gaussian(3);
            var x = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
            var y = x.Select(v => 5 + g.Next() * 0.1).ToArray();
            y[40] = 50;

            var result = PolynomialFitter.Fit(x, y, new PolynomialFitOptions { Order = 0, Rejection = new RejectionOptions { LowerSigma = 6, UpperSigma = 6, MaxIterations = 3, Grow = 1 } });

            Assert.Equal([39, 40, 41], Enumerable.Range(0, 100).Where(i => result.Rejected[i]).ToArray());
        }

        [Fact]
        public void Given_only_upper_outliers_and_a_loose_upper_sigma_When_fitted_Then_nothing_is_rejected()
        {
            var g = new Gaussian(5);
            var y = Enumerable.Range(0, 200).Select(_ => g.Next()).ToArray();
            y[50] = 6;

            var loose = PolynomialFitter.FitIndexed(y, new PolynomialFitOptions { Order = 0, Rejection = new RejectionOptions { UpperSigma = 100, MaxIterations = 5 } });
            var tight = PolynomialFitter.FitIndexed(y, new PolynomialFitOptions { Order = 0, Rejection = new RejectionOptions { UpperSigma = 4, MaxIterations = 5 } });

            Assert.False(loose.Rejected[50]);
            Assert.True(tight.Rejected[50]);
        }

        [Fact]
        public void Given_fewer_distinct_points_than_coefficients_When_fitted_Then_a_clear_error_is_raised()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => PolynomialFitter.Fit([1.0, 2.0], [1.0, 2.0], new PolynomialFitOptions { Order = 3 }));
            Assert.Contains("2 usable points cannot determine 4 coefficients", ex.Message);
        }

        [Fact]
        public void Given_mismatched_lengths_When_fitted_Then_argument_error()
            => Assert.Throws<ArgumentException>(() => PolynomialFitter.Fit([1.0, 2.0, 3.0], [1.0, 2.0], new PolynomialFitOptions { Order = 0 }));
    }

    public class Evaluate
    {
        [Fact]
        public void Given_a_legendre_series_When_evaluated_Then_it_equals_the_closed_form_polynomials()
        {
            var p = new Polynomial1D(PolynomialBasis.Legendre, [0, 0, 0, 1], -1, 1);
            foreach (var t in new[] { -1, -0.3, 0, 0.7, 1, 2.5 }) Close.Equal(0.5 * (5 * t * t * t - 3 * t), p.Evaluate(t), 0, 1e-14, $"P3({t})");
            var c = new Polynomial1D(PolynomialBasis.Chebyshev, [0, 0, 0, 0, 1], 0, 2);
            foreach (var x in new[] { 0, 0.5, 1, 1.7, 2 }) Close.Equal(8 * Math.Pow(x - 1, 4) - 8 * Math.Pow(x - 1, 2) + 1, c.Evaluate(x), 0, 1e-13, $"T4({x})");
        }

        [Fact]
        public void Given_float_spans_When_evaluated_Then_each_value_is_the_double_result_rounded_once()
        {
            var p = new Polynomial1D(PolynomialBasis.Power, [1, 2, 3], 0, 10);
            float[] x = [0, 1.5f, float.NaN, 10];
            var y = new float[4];
            p.Evaluate(x, y);
            for (var i = 0; i < 4; i++) Assert.Equal((float)p.Evaluate(x[i]), y[i]);
            Assert.True(float.IsNaN(y[2]));
        }
    }
}
