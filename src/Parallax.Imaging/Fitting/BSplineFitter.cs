namespace Parallax.Imaging.Fitting;

/// <summary>
/// Weighted least-squares B-spline fits (<see cref="BSplineFitOptions"/>) with optional iterative sigma
/// rejection, solved through the banded normal equations. With no rejection and breakpoints whose
/// intervals all hold data, the coefficients equal scipy's <c>make_lsq_spline(x, y, t, k, w)</c>.
/// </summary>
public static class BSplineFitter
{
    /// <summary>Fits y(x).</summary>
    /// <param name="x">Abscissae (any order).</param>
    /// <param name="y">Values, one per abscissa.</param>
    /// <param name="options">Degree, breakpoints, rejection.</param>
    /// <param name="weights">Optional weights multiplying the residuals (scipy's <c>w</c>: 1/σ); empty: all 1. A weight ≤ 0 or non-finite leaves the point out.</param>
    /// <param name="exclude">Optional flags: true leaves the point out. Empty: none.</param>
    /// <returns>
    /// The spline, rms, points used and the rejected points. Points with non-finite x or y, and points
    /// outside explicit breakpoints, are left out (never flagged as rejected). An interval left with
    /// no usable point loses an interior breakpoint (merged with its neighbour) so the fit stays
    /// determined, as PypeIt's bspline does.
    /// </returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="InvalidOperationException">Too few usable points for the coefficients.</exception>
    public static FitResult<BSpline1D> Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, BSplineFitOptions options,
        ReadOnlySpan<double> weights = default, ReadOnlySpan<bool> exclude = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var usable = FitInputs.Usable(x, y, weights, exclude);
        var xs = x.ToArray();
        var ys = y.ToArray();
        var ws = weights.IsEmpty ? null : weights.ToArray();
        var breakpoints = InitialBreakpoints(xs, usable, options);
        for (var i = 0; i < xs.Length; i++)
            if (usable[i] && (xs[i] < breakpoints[0] || xs[i] > breakpoints[^1])) usable[i] = false;
        var degree = options.Degree;
        return IterativeRejection.Run(ys, usable, degree + 1, options.Rejection,
            use => FitOnce(xs, ys, ws, use, Prune(breakpoints, xs, use), degree),
            (model, values) => model.Evaluate(xs, values));
    }

    /// <summary>Fits y(i) at the indices i = 0 … n − 1 (a row or column profile, say).</summary>
    /// <inheritdoc cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, BSplineFitOptions, ReadOnlySpan{double}, ReadOnlySpan{bool})"/>
    public static FitResult<BSpline1D> FitIndexed(ReadOnlySpan<double> y, BSplineFitOptions options,
        ReadOnlySpan<double> weights = default, ReadOnlySpan<bool> exclude = default)
    {
        var x = new double[y.Length];
        for (var i = 0; i < x.Length; i++) x[i] = i;
        return Fit(x, y, options, weights, exclude);
    }

    private static double[] InitialBreakpoints(double[] x, bool[] usable, BSplineFitOptions options)
    {
        if (options.Breakpoints is { } given) return [.. given];
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            if (!usable[i]) continue;
            lo = Math.Min(lo, x[i]);
            hi = Math.Max(hi, x[i]);
        }
        if (!(hi > lo)) throw new InvalidOperationException("a spline fit needs usable points at two or more distinct abscissae");
        var intervals = options.BreakpointSpacing is { } s ? Math.Max(1, (int)Math.Ceiling((hi - lo) / s - 1e-9)) : options.Intervals;
        var b = new double[intervals + 1];
        for (var j = 0; j <= intervals; j++) b[j] = lo + (hi - lo) * j / intervals;
        b[^1] = hi;
        return b;
    }

    /// <summary>Drops interior breakpoints next to intervals that hold no point in use.</summary>
    private static double[] Prune(double[] breakpoints, double[] x, bool[] use)
    {
        var b = new List<double>(breakpoints);
        while (b.Count > 2)
        {
            var counts = new int[b.Count - 1];
            var knots = b.ToArray(); // a degree-0 knot vector is the breakpoints themselves
            for (var i = 0; i < x.Length; i++)
                if (use[i]) counts[BSplineBasis.Interval(knots, 0, x[i])]++;
            var empty = Array.IndexOf(counts, 0);
            if (empty < 0) break;
            b.RemoveAt(empty + 1 < b.Count - 1 ? empty + 1 : empty);
        }
        return [.. b];
    }

    private static BSpline1D FitOnce(double[] x, double[] y, double[]? w, bool[] use, double[] breakpoints, int degree)
    {
        var knots = BSpline1D.ClampedKnots(breakpoints, degree);
        var n = knots.Length - degree - 1;
        var width = degree + 1;
        var band = new double[n * width];
        var rhs = new double[n];
        Span<double> values = stackalloc double[width];
        Span<double> left = stackalloc double[width];
        Span<double> right = stackalloc double[width];
        for (var p = 0; p < x.Length; p++)
        {
            if (!use[p]) continue;
            var i = BSplineBasis.Interval(knots, degree, x[p]);
            BSplineBasis.Values(knots, degree, i, x[p], values, left, right);
            var w2 = w is null ? 1 : w[p] * w[p];
            var first = i - degree;
            for (var a = 0; a <= degree; a++)
            {
                var wa = w2 * values[a];
                rhs[first + a] += wa * y[p];
                for (var c = 0; c <= a; c++) band[(first + a) * width + (a - c)] += wa * values[c];
            }
        }
        BandedCholesky.Solve(band, degree, rhs);
        return new BSpline1D(knots, rhs, degree);
    }
}
