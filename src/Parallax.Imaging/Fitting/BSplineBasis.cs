namespace Parallax.Imaging.Fitting;

/// <summary>The non-zero B-spline basis functions at a point (Cox–de Boor, as in "The NURBS Book" A2.2).</summary>
public static class BSplineBasis
{
    /// <summary>
    /// The knot interval i (degree ≤ i &lt; coefficients) whose polynomial piece covers x: t[i] ≤ x &lt; t[i+1],
    /// clamped to the first and last piece outside the breakpoints (which then extrapolate).
    /// </summary>
    /// <param name="knots">The knot vector (clamped: degree + 1 repeated knots at each end).</param>
    /// <param name="degree">The spline degree p.</param>
    /// <param name="x">The abscissa.</param>
    public static int Interval(ReadOnlySpan<double> knots, int degree, double x)
    {
        var n = knots.Length - degree - 1;
        int lo = degree, hi = n - 1;
        if (x >= knots[hi]) return hi;
        if (x < knots[lo + 1]) return lo;
        // Invariant: knots[lo] ≤ x < knots[hi + 1]; narrow to one interval.
        while (hi > lo)
        {
            var mid = (lo + hi + 1) >> 1;
            if (x >= knots[mid]) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Writes B<sub>i−p</sub>(x) … B<sub>i</sub>(x) into <paramref name="values"/> (length p + 1); <paramref name="left"/>/<paramref name="right"/> are scratch of the same length.</summary>
    /// <param name="knots">The knot vector.</param>
    /// <param name="degree">The spline degree p.</param>
    /// <param name="interval">The knot interval of x (<see cref="Interval"/>).</param>
    /// <param name="x">The abscissa.</param>
    /// <param name="values">Receives the p + 1 non-zero basis values.</param>
    /// <param name="left">Scratch, length p + 1.</param>
    /// <param name="right">Scratch, length p + 1.</param>
    public static void Values(ReadOnlySpan<double> knots, int degree, int interval, double x, Span<double> values, Span<double> left, Span<double> right)
    {
        values[0] = 1;
        for (var j = 1; j <= degree; j++)
        {
            left[j] = x - knots[interval + 1 - j];
            right[j] = knots[interval + j] - x;
            double saved = 0;
            for (var r = 0; r < j; r++)
            {
                var temp = values[r] / (right[r + 1] + left[j - r]);
                values[r] = saved + right[r + 1] * temp;
                saved = left[j - r] * temp;
            }
            values[j] = saved;
        }
    }
}
