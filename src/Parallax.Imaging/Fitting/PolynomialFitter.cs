namespace Parallax.Imaging.Fitting;

/// <summary>
/// Weighted least-squares fits of 1-D polynomials (<see cref="PolynomialFitOptions"/>) with optional
/// iterative sigma rejection. With no rejection the coefficients equal numpy's
/// <c>Legendre.fit</c> / <c>Chebyshev.fit</c> / <c>Polynomial.fit</c> with the same <c>w</c> and domain.
/// </summary>
public static class PolynomialFitter
{
    /// <summary>Fits y(x).</summary>
    /// <param name="x">Abscissae (any order).</param>
    /// <param name="y">Values, one per abscissa.</param>
    /// <param name="options">Basis, order, domain, rejection.</param>
    /// <param name="weights">Optional weights w<sub>i</sub> multiplying the residuals (numpy's <c>w</c>: 1/σ<sub>i</sub> for Gaussian errors, not 1/σ²); empty: all 1. A weight ≤ 0 or non-finite leaves the point out.</param>
    /// <param name="exclude">Optional flags: true leaves the point out (a mask). Empty: none.</param>
    /// <returns>The model, rms, points used and the rejected points. Points with non-finite x or y are left out, never flagged as rejected.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="InvalidOperationException">Too few usable points for the order.</exception>
    public static FitResult<Polynomial1D> Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, PolynomialFitOptions options,
        ReadOnlySpan<double> weights = default, ReadOnlySpan<bool> exclude = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var usable = FitInputs.Usable(x, y, weights, exclude);
        var xs = x.ToArray();
        var ys = y.ToArray();
        var ws = weights.IsEmpty ? null : weights.ToArray();
        var (lo, hi) = Domain(xs, usable, options);
        var n = options.Order + 1;
        return IterativeRejection.Run(ys, usable, n, options.Rejection,
            use => FitOnce(xs, ys, ws, use, options.Basis, n, lo, hi),
            (model, values) => model.Evaluate(xs, values));
    }

    /// <summary>Fits y(i) at the indices i = 0 … n − 1 (a row or column profile, say).</summary>
    /// <inheritdoc cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, PolynomialFitOptions, ReadOnlySpan{double}, ReadOnlySpan{bool})"/>
    public static FitResult<Polynomial1D> FitIndexed(ReadOnlySpan<double> y, PolynomialFitOptions options,
        ReadOnlySpan<double> weights = default, ReadOnlySpan<bool> exclude = default)
    {
        var x = new double[y.Length];
        for (var i = 0; i < x.Length; i++) x[i] = i;
        return Fit(x, y, options, weights, exclude);
    }

    private static (double Lo, double Hi) Domain(double[] x, bool[] usable, PolynomialFitOptions options)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            if (!usable[i]) continue;
            lo = Math.Min(lo, x[i]);
            hi = Math.Max(hi, x[i]);
        }
        lo = options.DomainMin ?? lo;
        hi = options.DomainMax ?? hi;
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) throw new InvalidOperationException("no usable points to fit");
        // A single abscissa still defines a constant; give it a unit domain so the mapping exists.
        if (!(hi > lo)) (lo, hi) = (lo - 0.5, lo + 0.5);
        return (lo, hi);
    }

    private static Polynomial1D FitOnce(double[] x, double[] y, double[]? w, bool[] use, PolynomialBasis basis, int n, double lo, double hi)
    {
        var index = FitInputs.Indices(use);
        var centre = 0.5 * (lo + hi);
        var scale = 2 / (hi - lo);
        var c = LeastSquares.Solve(index.Length, n, (r, row) =>
        {
            var i = index[r];
            BasisFunctions.Fill(basis, (x[i] - centre) * scale, row);
            return (y[i], w is null ? 1 : w[i]);
        });
        return new Polynomial1D(basis, c, lo, hi);
    }
}
