namespace Parallax.Spectroscopy.Fitting;

/// <summary>
/// Legendre polynomials on the window [−1, 1] by their three-term recurrence, and the map from a domain
/// [min, max] onto that window. Used to evaluate the series this library fits; the fits themselves go
/// through <see cref="LeastSquares"/>.
/// </summary>
internal static class Legendre
{
    /// <summary>Maps <paramref name="x"/> from [min, max] onto [−1, 1].</summary>
    public static double ToWindow(double x, double min, double max) => (2 * x - (min + max)) / (max - min);

    /// <summary>Fills P_0(t)..P_{n−1}(t) into <paramref name="values"/> (n = its length).</summary>
    public static void Fill(double t, Span<double> values)
    {
        if (values.Length == 0) return;
        values[0] = 1;
        if (values.Length == 1) return;
        values[1] = t;
        for (var k = 2; k < values.Length; k++)
            values[k] = ((2 * k - 1) * t * values[k - 1] - (k - 1) * values[k - 2]) / k;
    }

    /// <summary>Σ c_k P_k(t) by Clenshaw's recurrence.</summary>
    public static double Sum(ReadOnlySpan<double> c, double t)
    {
        double b1 = 0, b2 = 0;
        for (var k = c.Length - 1; k >= 1; k--)
        {
            // Legendre: α_k(t) = (2k+1)t/(k+1), β_{k+1} = −(k+1)/(k+2).
            var b0 = c[k] + (2 * k + 1) * t / (k + 1) * b1 - (k + 1.0) / (k + 2) * b2;
            b2 = b1;
            b1 = b0;
        }
        return c.Length == 0 ? 0 : c[0] + t * b1 - 0.5 * b2;
    }

    /// <summary>d/dt Σ c_k P_k(t) (by the derivative recurrence P'_k = k P_{k−1} + t P'_{k−1}).</summary>
    public static double Derivative(ReadOnlySpan<double> c, double t)
    {
        double p0 = 1, p1 = t, d1 = 1, sum = c.Length > 1 ? c[1] : 0;
        for (var k = 2; k < c.Length; k++)
        {
            var d2 = k * p1 + t * d1;
            var p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
            sum += c[k] * d2;
            (p0, p1, d1) = (p1, p2, d2);
        }
        return sum;
    }
}
