namespace Parallax.Imaging.Fitting;

/// <summary>
/// A 1-D spline s(x) = Σ c<sub>j</sub> B<sub>j,p</sub>(x) in the B-spline basis of degree p on a clamped
/// knot vector (the end breakpoints repeated p + 1 times, as scipy's <c>make_lsq_spline</c> builds
/// it): the model a <see cref="BSplineFitter"/> returns. Immutable. Outside the breakpoints it
/// extrapolates the end polynomial pieces (scipy's <c>extrapolate=True</c>); NaN x gives NaN.
/// </summary>
public sealed class BSpline1D : ICurve1D
{
    private readonly double[] _knots;
    private readonly double[] _coefficients;

    /// <summary>A spline from its full knot vector and coefficients (scipy's <c>BSpline(t, c, k)</c>).</summary>
    /// <exception cref="ArgumentException">Degree outside 0..5, knots not non-decreasing and finite, or a coefficient count other than knots − degree − 1.</exception>
    public BSpline1D(ReadOnlySpan<double> knots, ReadOnlySpan<double> coefficients, int degree)
    {
        if (degree is < 0 or > 5) throw new ArgumentException($"degree {degree} must lie in 0..5", nameof(degree));
        if (coefficients.Length != knots.Length - degree - 1 || coefficients.Length < degree + 1)
            throw new ArgumentException($"{knots.Length} knots of a degree-{degree} spline need {knots.Length - degree - 1} ≥ {degree + 1} coefficients, not {coefficients.Length}", nameof(coefficients));
        for (var i = 0; i < knots.Length; i++)
            if (!double.IsFinite(knots[i]) || (i > 0 && knots[i] < knots[i - 1])) throw new ArgumentException("knots must be finite and non-decreasing", nameof(knots));
        if (!(knots[^(degree + 1)] > knots[degree])) throw new ArgumentException("the knots span an empty interval", nameof(knots));
        _knots = knots.ToArray();
        _coefficients = coefficients.ToArray();
        Degree = degree;
    }

    /// <summary>Clamped knot vector of a spline on the given breakpoints (ascending, at least two).</summary>
    internal static double[] ClampedKnots(ReadOnlySpan<double> breakpoints, int degree)
    {
        var knots = new double[breakpoints.Length + 2 * degree];
        for (var i = 0; i < degree; i++)
        {
            knots[i] = breakpoints[0];
            knots[^(i + 1)] = breakpoints[^1];
        }
        breakpoints.CopyTo(knots.AsSpan(degree));
        return knots;
    }

    /// <summary>Polynomial degree (3 for a cubic spline).</summary>
    public int Degree { get; }

    /// <summary>The full knot vector (x units), end breakpoints repeated.</summary>
    public ReadOnlySpan<double> Knots => _knots;

    /// <summary>The B-spline coefficients (y units).</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The distinct breakpoints (x units): the knots without the repeats at the ends.</summary>
    public double[] Breakpoints => _knots[Degree..^Degree];

    /// <summary>s(x).</summary>
    public double Evaluate(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        Span<double> values = stackalloc double[Degree + 1];
        Span<double> left = stackalloc double[Degree + 1];
        Span<double> right = stackalloc double[Degree + 1];
        var i = BSplineBasis.Interval(_knots, Degree, x);
        BSplineBasis.Values(_knots, Degree, i, x, values, left, right);
        double s = 0;
        for (var r = 0; r <= Degree; r++) s += values[r] * _coefficients[i - Degree + r];
        return s;
    }

    /// <summary>s at every x of <paramref name="x"/>, written to <paramref name="result"/> (same length).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> result)
        => CurveEvaluation.Evaluate(this, x, result);

    /// <summary>s at every x of <paramref name="x"/> in single precision (evaluated in double, rounded once).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Evaluate(ReadOnlySpan<float> x, Span<float> result)
        => CurveEvaluation.Evaluate(this, x, result);

    /// <summary>s at x = start, start + 1, … (pixel indices along a row or column), written to <paramref name="result"/>.</summary>
    public void EvaluateAtIndices(double start, Span<float> result)
        => CurveEvaluation.EvaluateAtIndices(this, start, result);

    /// <summary>ds/dx as a spline of one degree less (scipy's <c>BSpline.derivative()</c>).</summary>
    /// <exception cref="InvalidOperationException">The spline has degree 0.</exception>
    public BSpline1D Derivative()
    {
        if (Degree == 0) throw new InvalidOperationException("a degree-0 spline has no derivative spline");
        var n = _coefficients.Length;
        var d = new double[n - 1];
        for (var j = 1; j < n; j++)
        {
            var span = _knots[j + Degree] - _knots[j];
            d[j - 1] = span > 0 ? Degree * (_coefficients[j] - _coefficients[j - 1]) / span : 0;
        }
        return new BSpline1D(_knots.AsSpan(1, _knots.Length - 2), d, Degree - 1);
    }

    /// <summary>ds/dx at <paramref name="x"/> (y units per x unit).</summary>
    public double Derivative(double x) => Derivative().Evaluate(x);

    /// <inheritdoc/>
    public override string ToString() => $"degree-{Degree} B-spline, {_coefficients.Length} coefficients on [{_knots[Degree]}, {_knots[^(Degree + 1)]}]";
}
