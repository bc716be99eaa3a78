namespace Parallax.Spectroscopy.Sky;

/// <summary>
/// The sky surface S(λ, s) = Σ_j Σ_k c_{jk} B_j(λ) P_k(2s − 1): B-splines of <see cref="Degree"/> on clamped knots in
/// wavelength times Legendre polynomials of the slit position s. Coefficient (j, k) sits at index j·K + k, so the normal
/// matrix is banded with half-bandwidth (degree + 1)·K − 1. Outside the breakpoints the end pieces extrapolate.
/// </summary>
internal sealed class SkySpline
{
    public SkySpline(double[] breakpoints, int degree, int spatialTerms)
    {
        Breakpoints = breakpoints;
        Degree = degree;
        SpatialTerms = spatialTerms;
        Knots = new double[breakpoints.Length + 2 * degree];
        for (var i = 0; i < degree; i++)
        {
            Knots[i] = breakpoints[0];
            Knots[^(i + 1)] = breakpoints[^1];
        }
        breakpoints.CopyTo(Knots, degree);
        SplineCount = Knots.Length - degree - 1;
        Coefficients = new double[SplineCount * spatialTerms];
    }

    public double[] Breakpoints { get; }

    public double[] Knots { get; }

    public int Degree { get; }

    public int SpatialTerms { get; }

    public int SplineCount { get; }

    public int CoefficientCount => Coefficients.Length;

    public int HalfBandwidth => (Degree + 1) * SpatialTerms - 1;

    /// <summary>The fitted coefficients (index j·K + k).</summary>
    public double[] Coefficients { get; }

    /// <summary>The knot interval i (degree ≤ i &lt; splines) whose piece covers λ, clamped at the ends.</summary>
    public int Interval(double x) => Imaging.Fitting.BSplineBasis.Interval(Knots, Degree, x);

    /// <summary>B_{i−p}(x) … B_i(x) into values (length p + 1), Cox–de Boor ("The NURBS Book" A2.2).</summary>
    public void Basis(int interval, double x, Span<double> values)
    {
        Span<double> left = stackalloc double[Degree + 1];
        Span<double> right = stackalloc double[Degree + 1];
        Imaging.Fitting.BSplineBasis.Values(Knots, Degree, interval, x, values, left, right);
    }

    /// <summary>Legendre P_0 … P_{K−1} of t = 2s − 1.</summary>
    public void Spatial(double s, Span<double> values)
    {
        var t = 2 * s - 1;
        values[0] = 1;
        if (values.Length > 1) values[1] = t;
        for (var k = 2; k < values.Length; k++) values[k] = ((2 * k - 1) * t * values[k - 1] - (k - 1) * values[k - 2]) / k;
    }

    public double Evaluate(double wavelength, double slitPosition)
    {
        if (!double.IsFinite(wavelength) || !double.IsFinite(slitPosition)) return double.NaN;
        Span<double> b = stackalloc double[Degree + 1];
        Span<double> p = stackalloc double[SpatialTerms];
        var i = Interval(wavelength);
        Basis(i, wavelength, b);
        Spatial(slitPosition, p);
        return Evaluate(i, b, p);
    }

    public double Evaluate(int interval, ReadOnlySpan<double> b, ReadOnlySpan<double> p)
    {
        var k = SpatialTerms;
        var first = (interval - Degree) * k;
        double sum = 0;
        for (var a = 0; a <= Degree; a++)
        {
            var row = first + a * k;
            double inner = 0;
            for (var q = 0; q < k; q++) inner += Coefficients[row + q] * p[q];
            sum += b[a] * inner;
        }
        return sum;
    }
}
