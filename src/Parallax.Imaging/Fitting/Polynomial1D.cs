namespace Parallax.Imaging.Fitting;

/// <summary>
/// A 1-D polynomial y(x) = Σ c<sub>k</sub> φ<sub>k</sub>(t), t = (2x − (min + max)) / (max − min), in a
/// Legendre, Chebyshev or power basis: the model a <see cref="PolynomialFitter"/> returns. Immutable.
/// It evaluates anywhere (outside the domain it extrapolates); NaN x gives NaN.
/// </summary>
public sealed class Polynomial1D : ICurve1D
{
    private readonly double[] _coefficients;
    private readonly double _centre;
    private readonly double _scale;

    /// <summary>A polynomial from its coefficients (lowest degree first) on the domain [domainMin, domainMax].</summary>
    /// <exception cref="ArgumentException">No coefficients, a non-finite coefficient, or a domain that is not finite with max &gt; min.</exception>
    public Polynomial1D(PolynomialBasis basis, ReadOnlySpan<double> coefficients, double domainMin, double domainMax)
    {
        if (coefficients.Length == 0) throw new ArgumentException("a polynomial needs at least one coefficient", nameof(coefficients));
        foreach (var c in coefficients)
            if (!double.IsFinite(c)) throw new ArgumentException($"coefficient {c} is not finite", nameof(coefficients));
        if (!double.IsFinite(domainMin) || !double.IsFinite(domainMax) || !(domainMax > domainMin))
            throw new ArgumentException($"domain [{domainMin}, {domainMax}] must be finite with max > min", nameof(domainMax));
        Basis = basis;
        _coefficients = coefficients.ToArray();
        DomainMin = domainMin;
        DomainMax = domainMax;
        _centre = 0.5 * (domainMin + domainMax);
        _scale = 2 / (domainMax - domainMin);
    }

    /// <summary>The basis.</summary>
    public PolynomialBasis Basis { get; }

    /// <summary>The coefficients c<sub>0</sub> … c<sub>Order</sub> (y units), in the mapped coordinate t.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>Highest degree (number of coefficients − 1).</summary>
    public int Order => _coefficients.Length - 1;

    /// <summary>The x mapped to t = −1.</summary>
    public double DomainMin { get; }

    /// <summary>The x mapped to t = +1.</summary>
    public double DomainMax { get; }

    /// <summary>The mapped coordinate t of <paramref name="x"/>.</summary>
    public double MapToWindow(double x) => (x - _centre) * _scale;

    /// <summary>y at <paramref name="x"/>.</summary>
    public double Evaluate(double x) => BasisFunctions.Sum(Basis, _coefficients, MapToWindow(x));

    /// <summary>y at every x of <paramref name="x"/>, written to <paramref name="result"/> (same length).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> result)
        => CurveEvaluation.Evaluate(this, x, result);

    /// <summary>y at every x of <paramref name="x"/> in single precision (evaluated in double, rounded once).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Evaluate(ReadOnlySpan<float> x, Span<float> result)
        => CurveEvaluation.Evaluate(this, x, result);

    /// <summary>y at x = start, start + 1, … (pixel indices along a row or column), written to <paramref name="result"/>.</summary>
    public void EvaluateAtIndices(double start, Span<float> result)
        => CurveEvaluation.EvaluateAtIndices(this, start, result);

    /// <summary>dy/dx as a polynomial of one order less on the same domain and basis (a constant 0 for order 0).</summary>
    public Polynomial1D Derivative()
    {
        var d = BasisFunctions.Differentiate(Basis, _coefficients);
        for (var k = 0; k < d.Length; k++) d[k] *= _scale;
        return new Polynomial1D(Basis, d, DomainMin, DomainMax);
    }

    /// <summary>dy/dx at <paramref name="x"/> (y units per x unit).</summary>
    public double Derivative(double x) => _scale * BasisFunctions.Sum(Basis, BasisFunctions.Differentiate(Basis, _coefficients), MapToWindow(x));

    /// <inheritdoc/>
    public override string ToString() => $"{Basis} order {Order} on [{DomainMin}, {DomainMax}]: [{string.Join(", ", _coefficients.Select(c => c.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]";
}
