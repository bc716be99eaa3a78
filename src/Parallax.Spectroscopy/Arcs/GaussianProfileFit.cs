using MathNet.Numerics;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// Levenberg–Marquardt fit of a pixel-integrated Gaussian on a constant to a short run of samples: pixel i (centre i,
/// edges i ± ½) holds B + A σ√(2π) [Φ((i + ½ − μ)/σ) − Φ((i − ½ − μ)/σ)], so A is the peak height of the underlying
/// Gaussian. Integrating over the pixel keeps the centre unbiased for lines only one or two pixels wide. The constant may
/// be held fixed (at a continuum already removed).
/// </summary>
internal static class GaussianProfileFit
{
    public readonly record struct Result(double Amplitude, double Centre, double Sigma, double Background, double CentreError, double ReducedChiSquare, bool Converged);

    private const int P = 4;

    /// <summary>Fits samples y[k] at pixel positions first + k with variances v (NaN or ≤ 0: equal weights, errors scaled by χ²).</summary>
    public static Result Fit(ReadOnlySpan<double> y, ReadOnlySpan<double> v, int first, double amplitude, double centre, double sigma, double background, bool fitBackground = true)
    {
        var n = y.Length;
        Span<double> p = [amplitude, centre, sigma, background];
        Span<double> trial = stackalloc double[P];
        Span<double> jac = stackalloc double[n * P];
        Span<double> res = stackalloc double[n];
        Span<double> w = stackalloc double[n];
        var knownVariance = true;
        for (var k = 0; k < n; k++)
        {
            knownVariance &= v.Length == n && v[k] > 0 && double.IsFinite(v[k]);
        }
        // Equal weights: a Poisson-weighted fit leans on the wings, and real line profiles are asymmetric in their wings, so
        // the centre would move with the weighting. The known variance enters the centre's error below (a sandwich estimate).
        for (var k = 0; k < n; k++) w[k] = 1;
        Span<double> a = stackalloc double[P * P];
        Span<double> g = stackalloc double[P];
        Span<double> step = stackalloc double[P];
        Span<double> damped = stackalloc double[P * P];
        Span<double> trialRes = stackalloc double[n];
        var lambda = 1e-3;
        var chi2 = ChiSquare(y, w, first, p, res);
        var converged = false;
        for (var iteration = 0; iteration < 60; iteration++)
        {
            Jacobian(n, first, p, jac);
            a.Clear(); g.Clear();
            for (var k = 0; k < n; k++)
                for (var i = 0; i < P; i++)
                {
                    g[i] += w[k] * jac[k * P + i] * res[k];
                    for (var j = 0; j < P; j++) a[i * P + j] += w[k] * jac[k * P + i] * jac[k * P + j];
                }
            // A fixed background: its row and column of the normal matrix become the identity, so its step is zero.
            if (!fitBackground) { for (var i = 0; i < P; i++) { a[i * P + 3] = a[3 * P + i] = 0; } a[3 * P + 3] = 1; g[3] = 0; }
            var improved = false;
            for (var attempt = 0; attempt < 10 && !improved; attempt++)
            {
                a.CopyTo(damped);
                for (var i = 0; i < P; i++) damped[i * P + i] *= 1 + lambda;
                if (!SolveSymmetric(damped, g, step)) { lambda *= 10; continue; }
                for (var i = 0; i < P; i++) trial[i] = p[i] + step[i];
                if (!(trial[2] > 0.05) || !double.IsFinite(trial[1])) { lambda *= 10; continue; }
                var c = ChiSquare(y, w, first, trial, trialRes);
                if (c <= chi2)
                {
                    var relative = (chi2 - c) / Math.Max(chi2, 1e-300);
                    trial.CopyTo(p);
                    trialRes.CopyTo(res);
                    chi2 = c;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (relative < 1e-10 && Math.Abs(step[1]) < 1e-7) converged = true;
                }
                else lambda *= 10;
            }
            if (!improved) { converged = true; break; }
            if (converged) break;
        }
        // Covariance from the undamped normal matrix at the solution.
        Jacobian(n, first, p, jac);
        a.Clear();
        for (var k = 0; k < n; k++)
            for (var i = 0; i < P; i++)
                for (var j = 0; j < P; j++) a[i * P + j] += w[k] * jac[k * P + i] * jac[k * P + j];
        if (!fitBackground) { for (var i = 0; i < P; i++) { a[i * P + 3] = a[3 * P + i] = 0; } a[3 * P + 3] = 1; }
        Span<double> unit = stackalloc double[P];
        Span<double> column = stackalloc double[P];
        unit.Clear(); unit[1] = 1;
        var free = fitBackground ? P : P - 1;
        var reduced = n > free ? chi2 / (n - free) : double.NaN;
        // Row 1 of (JᵀJ)⁻¹ is c; the centre's variance is cᵀ Jᵀ V J c = Σ_k v_k (J_k · c)² with the known variances,
        // or σ² cᵀ(JᵀJ)c = σ² c_1 with σ² the residual variance when they are unknown.
        var centreVariance = double.NaN;
        if (SolveSymmetric(a, unit, column))
        {
            if (knownVariance)
            {
                centreVariance = 0;
                for (var k = 0; k < n; k++)
                {
                    double jc = 0;
                    for (var i = 0; i < P; i++) jc += (fitBackground || i != 3 ? jac[k * P + i] : 0) * column[i];
                    centreVariance += v[k] * jc * jc;
                }
            }
            else centreVariance = column[1] * reduced;
        }
        return new Result(p[0], p[1], p[2], p[3], Math.Sqrt(Math.Max(centreVariance, 0)), reduced, converged);
    }

    private static double Model(double x, ReadOnlySpan<double> p)
    {
        var s = p[2];
        var hi = (x + 0.5 - p[1]) / (s * Math.Sqrt(2));
        var lo = (x - 0.5 - p[1]) / (s * Math.Sqrt(2));
        return p[3] + p[0] * s * Math.Sqrt(Math.PI / 2) * (SpecialFunctions.Erf(hi) - SpecialFunctions.Erf(lo));
    }

    private static double ChiSquare(ReadOnlySpan<double> y, ReadOnlySpan<double> w, int first, ReadOnlySpan<double> p, Span<double> res)
    {
        double c = 0;
        for (var k = 0; k < y.Length; k++)
        {
            res[k] = y[k] - Model(first + k, p);
            c += w[k] * res[k] * res[k];
        }
        return c;
    }

    private static void Jacobian(int n, int first, ReadOnlySpan<double> p, Span<double> jac)
    {
        Span<double> q = stackalloc double[P];
        for (var i = 0; i < P; i++)
        {
            var h = i switch { 0 => Math.Max(1e-6, Math.Abs(p[0]) * 1e-6), 3 => Math.Max(1e-6, Math.Abs(p[0]) * 1e-6), _ => 1e-6 };
            for (var k = 0; k < n; k++)
            {
                p.CopyTo(q); q[i] += h;
                var up = Model(first + k, q);
                q[i] -= 2 * h;
                var down = Model(first + k, q);
                jac[k * P + i] = (up - down) / (2 * h);
            }
        }
    }

    // Solves the P×P system a·x = b by Gaussian elimination with partial pivoting; false when singular.
    private static bool SolveSymmetric(ReadOnlySpan<double> matrix, ReadOnlySpan<double> b, Span<double> x)
    {
        Span<double> m = stackalloc double[P * (P + 1)];
        for (var i = 0; i < P; i++)
        {
            for (var j = 0; j < P; j++) m[i * (P + 1) + j] = matrix[i * P + j];
            m[i * (P + 1) + P] = b[i];
        }
        for (var c = 0; c < P; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < P; r++) if (Math.Abs(m[r * (P + 1) + c]) > Math.Abs(m[pivot * (P + 1) + c])) pivot = r;
            if (!(Math.Abs(m[pivot * (P + 1) + c]) > 1e-300)) return false;
            if (pivot != c) for (var j = 0; j <= P; j++) (m[c * (P + 1) + j], m[pivot * (P + 1) + j]) = (m[pivot * (P + 1) + j], m[c * (P + 1) + j]);
            for (var r = c + 1; r < P; r++)
            {
                var f = m[r * (P + 1) + c] / m[c * (P + 1) + c];
                for (var j = c; j <= P; j++) m[r * (P + 1) + j] -= f * m[c * (P + 1) + j];
            }
        }
        for (var r = P - 1; r >= 0; r--)
        {
            var s = m[r * (P + 1) + P];
            for (var j = r + 1; j < P; j++) s -= m[r * (P + 1) + j] * x[j];
            x[r] = s / m[r * (P + 1) + r];
        }
        foreach (var v in x) if (!double.IsFinite(v)) return false;
        return true;
    }
}
