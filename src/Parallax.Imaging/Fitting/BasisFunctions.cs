namespace Parallax.Imaging.Fitting;

/// <summary>Values and derivatives of the polynomial bases on the mapped coordinate t ∈ [−1, 1].</summary>
internal static class BasisFunctions
{
    /// <summary>Writes φ<sub>0</sub>(t) … φ<sub>n−1</sub>(t) into <paramref name="values"/> (n = its length).</summary>
    public static void Fill(PolynomialBasis basis, double t, Span<double> values)
    {
        if (values.Length == 0) return;
        values[0] = 1;
        if (values.Length == 1) return;
        values[1] = t;
        switch (basis)
        {
            case PolynomialBasis.Legendre:
                for (var k = 1; k < values.Length - 1; k++) values[k + 1] = ((2 * k + 1) * t * values[k] - k * values[k - 1]) / (k + 1);
                break;
            case PolynomialBasis.Chebyshev:
                for (var k = 1; k < values.Length - 1; k++) values[k + 1] = 2 * t * values[k] - values[k - 1];
                break;
            default:
                for (var k = 1; k < values.Length - 1; k++) values[k + 1] = values[k] * t;
                break;
        }
    }

    /// <summary>Σ c<sub>k</sub> φ<sub>k</sub>(t), by Clenshaw's recurrence for the orthogonal bases and Horner's rule for powers.</summary>
    public static double Sum(PolynomialBasis basis, ReadOnlySpan<double> c, double t)
    {
        var n = c.Length;
        if (n == 0) return 0;
        switch (basis)
        {
            case PolynomialBasis.Power:
            {
                var s = c[n - 1];
                for (var k = n - 2; k >= 0; k--) s = s * t + c[k];
                return s;
            }
            case PolynomialBasis.Chebyshev:
            {
                double b1 = 0, b2 = 0;
                for (var k = n - 1; k >= 1; k--)
                {
                    var b = 2 * t * b1 - b2 + c[k];
                    b2 = b1;
                    b1 = b;
                }
                return t * b1 - b2 + c[0];
            }
            default:
            {
                // Clenshaw for P_{k+1} = α_k P_k + β_k P_{k−1}, α_k = (2k+1)t/(k+1), β_k = −k/(k+1).
                double b1 = 0, b2 = 0;
                for (var k = n - 1; k >= 1; k--)
                {
                    var b = c[k] + (2 * k + 1) * t * b1 / (k + 1) - (k + 1) * b2 / (k + 2);
                    b2 = b1;
                    b1 = b;
                }
                return c[0] + t * b1 - b2 / 2;
            }
        }
    }

    /// <summary>Coefficients, in the same basis, of d/dt of the series (numpy's legder / chebder / polyder).</summary>
    public static double[] Differentiate(PolynomialBasis basis, ReadOnlySpan<double> coefficients)
    {
        var n = coefficients.Length - 1;
        if (n < 1) return [0];
        var c = coefficients.ToArray();
        var der = new double[n];
        switch (basis)
        {
            case PolynomialBasis.Power:
                for (var k = 1; k <= n; k++) der[k - 1] = k * c[k];
                break;
            case PolynomialBasis.Chebyshev:
                for (var j = n; j > 2; j--)
                {
                    der[j - 1] = 2 * j * c[j];
                    c[j - 2] += j * c[j] / (j - 2);
                }
                if (n > 1) der[1] = 4 * c[2];
                der[0] = c[1];
                break;
            default:
                for (var j = n; j > 2; j--)
                {
                    der[j - 1] = (2 * j - 1) * c[j];
                    c[j - 2] += c[j];
                }
                if (n > 1) der[1] = 3 * c[2];
                der[0] = c[1];
                break;
        }
        return der;
    }
}
