namespace Parallax.Fits.Coordinates;

/// <summary>
/// One SIP polynomial, sum over p + q &lt;= order of c[p, q] u^p v^q, stored densely so evaluation is
/// a nested Horner scheme without allocation.
/// </summary>
internal sealed class SipPolynomial
{
    private readonly double[] _c; // _c[p * (Order + 1) + q]

    public SipPolynomial(double[,] coefficients)
    {
        var n = coefficients.GetLength(0);
        if (n == 0 || coefficients.GetLength(1) != n)
            throw new ArgumentException("SIP coefficients must be a square (order + 1) x (order + 1) array", nameof(coefficients));
        Order = n - 1;
        _c = new double[n * n];
        for (var p = 0; p < n; p++)
            for (var q = 0; q + p < n; q++)
                _c[p * n + q] = coefficients[p, q];
    }

    /// <summary>The polynomial's order: the largest p + q.</summary>
    public int Order { get; }

    /// <summary>The coefficient of u^p v^q (0 beyond the order).</summary>
    public double this[int p, int q] => p >= 0 && q >= 0 && p + q <= Order ? _c[p * (Order + 1) + q] : 0.0;

    /// <summary>The coefficients as a (order + 1) square array, zero above the anti-diagonal.</summary>
    public double[,] ToArray()
    {
        var n = Order + 1;
        var a = new double[n, n];
        for (var p = 0; p < n; p++)
            for (var q = 0; q + p < n; q++)
                a[p, q] = _c[p * n + q];
        return a;
    }

    public double Evaluate(double u, double v)
    {
        var n = Order + 1;
        var sum = 0.0;
        for (var p = Order; p >= 0; p--)
        {
            var row = p * n;
            var inner = 0.0;
            for (var q = Order - p; q >= 0; q--) inner = inner * v + _c[row + q];
            sum = sum * u + inner;
        }
        return sum;
    }

    /// <summary>The value and both partial derivatives, for Newton's method.</summary>
    public void EvaluateWithGradient(double u, double v, out double value, out double dU, out double dV)
    {
        var n = Order + 1;
        double sum = 0.0, sumDu = 0.0, sumDv = 0.0;
        for (var p = Order; p >= 0; p--)
        {
            var row = p * n;
            double inner = 0.0, innerDv = 0.0;
            for (var q = Order - p; q >= 0; q--)
            {
                innerDv = innerDv * v + inner;
                inner = inner * v + _c[row + q];
            }
            sumDu = sumDu * u + sum;
            sum = sum * u + inner;
            sumDv = sumDv * u + innerDv;
        }
        value = sum;
        dU = sumDu;
        dV = sumDv;
    }
}
