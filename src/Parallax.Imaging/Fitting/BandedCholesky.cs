namespace Parallax.Imaging.Fitting;

/// <summary>
/// Solves a symmetric positive-definite banded system (the normal equations of a B-spline fit, whose
/// half-bandwidth is the degree) by Cholesky factorisation in band storage: O(n·p²) time, O(n·p) memory.
/// </summary>
public static class BandedCholesky
{
    /// <summary>
    /// Solves A c = b in place. <paramref name="band"/> holds A[i, i − d] at [i·(p + 1) + d], d = 0 … p,
    /// and is overwritten by the factor; <paramref name="rhs"/> becomes the solution.
    /// </summary>
    /// <param name="band">A in band storage; overwritten by its Cholesky factor.</param>
    /// <param name="halfBandwidth">p: the number of sub-diagonals.</param>
    /// <param name="rhs">b on entry, c on return.</param>
    /// <param name="ridgeUnconstrained">
    /// False (default): a pivot that vanishes throws. True: it is replaced by a tiny ridge (10⁻¹² of the largest
    /// diagonal), which sends a coefficient no data point constrains to zero instead of failing the whole fit
    /// (a sky model where masked objects leave gaps).
    /// </param>
    /// <exception cref="InvalidOperationException">A is not (numerically) positive definite and <paramref name="ridgeUnconstrained"/> is false.</exception>
    public static void Solve(double[] band, int halfBandwidth, double[] rhs, bool ridgeUnconstrained = false)
    {
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(rhs);
        var n = rhs.Length;
        var w = halfBandwidth + 1;
        double scale = 0;
        if (ridgeUnconstrained) for (var i = 0; i < n; i++) scale = Math.Max(scale, band[i * w]);
        var floor = 1e-12 * Math.Max(scale, 1e-300);
        for (var i = 0; i < n; i++)
        {
            for (var d = Math.Min(halfBandwidth, i); d >= 0; d--)
            {
                var j = i - d;
                var s = band[i * w + d];
                for (var k = Math.Max(0, i - halfBandwidth); k < j; k++) s -= band[i * w + (i - k)] * band[j * w + (j - k)];
                if (d == 0 && ridgeUnconstrained) band[i * w] = Math.Sqrt(s > floor ? s : floor);
                else if (d == 0)
                {
                    if (!(s > 1e-13 * Math.Abs(band[i * w]) && s > 0))
                        throw new InvalidOperationException($"the spline fit is singular at coefficient {i}: too few data points under that basis function (use wider breakpoint spacing)");
                    band[i * w] = Math.Sqrt(s);
                }
                else band[i * w + d] = s / band[j * w];
            }
        }
        for (var i = 0; i < n; i++)
        {
            var s = rhs[i];
            for (var k = Math.Max(0, i - halfBandwidth); k < i; k++) s -= band[i * w + (i - k)] * rhs[k];
            rhs[i] = s / band[i * w];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = rhs[i];
            for (var k = i + 1; k <= Math.Min(n - 1, i + halfBandwidth); k++) s -= band[k * w + (k - i)] * rhs[k];
            rhs[i] = s / band[i * w];
        }
    }
}
