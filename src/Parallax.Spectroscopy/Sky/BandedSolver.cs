namespace Parallax.Spectroscopy.Sky;

/// <summary>
/// Cholesky solution of a symmetric positive-definite banded system in band storage (A[i, i − d] at [i·(p + 1) + d],
/// d = 0 … p): O(n·p²). A pivot that vanishes (a coefficient no pixel constrains) is replaced by a tiny ridge, which sends
/// that coefficient to zero instead of failing the whole sky.
/// </summary>
internal static class BandedSolver
{
    public static void Solve(double[] band, int halfBandwidth, double[] rhs)
    {
        var n = rhs.Length;
        var w = halfBandwidth + 1;
        double scale = 0;
        for (var i = 0; i < n; i++) scale = Math.Max(scale, band[i * w]);
        var floor = 1e-12 * Math.Max(scale, 1e-300);
        for (var i = 0; i < n; i++)
        {
            for (var d = Math.Min(halfBandwidth, i); d >= 0; d--)
            {
                var j = i - d;
                var s = band[i * w + d];
                for (var k = Math.Max(0, i - halfBandwidth); k < j; k++) s -= band[i * w + (i - k)] * band[j * w + (j - k)];
                if (d == 0) band[i * w] = Math.Sqrt(s > floor ? s : floor);
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
