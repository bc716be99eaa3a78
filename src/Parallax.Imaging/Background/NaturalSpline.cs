namespace Parallax.Imaging.Background;

/// <summary>Second derivatives of a natural cubic spline through equally spaced nodes (unit spacing), as the mesh interpolation needs.</summary>
internal static class NaturalSpline
{
    /// <summary>
    /// Fills <paramref name="second"/> with the spline's second derivatives (divided by 6, the form
    /// the evaluation uses) at nodes values[i·stride], i = 0..n−1; zero at both ends.
    /// <paramref name="scratch"/> holds at least n values.
    /// </summary>
    public static void SecondDerivatives(ReadOnlySpan<float> values, Span<float> second, int n, int stride, Span<float> scratch)
    {
        if (n < 3)
        {
            for (var i = 0; i < n; i++) second[i * stride] = 0;
            return;
        }
        var u = scratch;
        second[0] = 0;
        u[0] = 0;
        for (var i = 1; i < n - 1; i++)
        {
            var t = -1f / (second[(i - 1) * stride] + 4);
            second[i * stride] = t;
            u[i] = t * (u[i - 1] - 6 * (values[(i + 1) * stride] + values[(i - 1) * stride] - 2 * values[i * stride]));
        }
        second[(n - 1) * stride] = 0;
        for (var i = n - 2; i >= 1; i--)
            second[i * stride] = (second[i * stride] * second[(i + 1) * stride] + u[i]) / 6f;
    }
}
