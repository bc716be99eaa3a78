using MathNet.Numerics.LinearAlgebra;

namespace Parallax.Spectroscopy.Fitting;

/// <summary>
/// The weighted least-squares fits this library needs — a Legendre series in one variable and a Legendre
/// surface in two, each with iterative sigma rejection — kept in this one class so that the shared fitting
/// layer can replace its body without touching the callers. Solved by QR decomposition of the weighted
/// design matrix (MathNet.Numerics); points with a non-finite value or a weight ≤ 0 never take part.
/// </summary>
internal static class LeastSquares
{
    /// <summary>A 1-D Legendre series fit: coefficients, the points kept, the weighted rms of the kept residuals.</summary>
    public sealed record SeriesFit(double[] Coefficients, double Min, double Max, bool[] Used, double Rms)
    {
        public double Evaluate(double x) => Legendre.Sum(Coefficients, Legendre.ToWindow(x, Min, Max));

        public double Derivative(double x) => Legendre.Derivative(Coefficients, Legendre.ToWindow(x, Min, Max)) * 2 / (Max - Min);

        public int NumberUsed => Used.Count(u => u);
    }

    /// <summary>A 2-D Legendre surface Σ c_ij P_i(x') P_j(y') over the listed (i, j) terms.</summary>
    public sealed record SurfaceFit(double[] Coefficients, (int I, int J)[] Terms, double XMin, double XMax, double YMin, double YMax, bool[] Used, double Rms)
    {
        public double Evaluate(double x, double y)
        {
            var maxI = 0; var maxJ = 0;
            foreach (var (i, j) in Terms) { maxI = Math.Max(maxI, i); maxJ = Math.Max(maxJ, j); }
            Span<double> px = stackalloc double[maxI + 1];
            Span<double> py = stackalloc double[maxJ + 1];
            Legendre.Fill(Legendre.ToWindow(x, XMin, XMax), px);
            Legendre.Fill(Legendre.ToWindow(y, YMin, YMax), py);
            double s = 0;
            for (var k = 0; k < Terms.Length; k++) s += Coefficients[k] * px[Terms[k].I] * py[Terms[k].J];
            return s;
        }
    }

    /// <summary>
    /// Fits y(x) by a Legendre series of <paramref name="order"/> on [min, max] with weights w (1/σ²; null for equal
    /// weights), rejecting points beyond <paramref name="sigma"/> × the weighted rms for up to
    /// <paramref name="maxIterations"/> passes (0: no rejection). Returns null when fewer usable points than
    /// coefficients remain.
    /// </summary>
    public static SeriesFit? FitSeries(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, int order, double min, double max,
        double sigma = 3, int maxIterations = 5, bool robust = false)
    {
        var n = x.Length;
        var used = Usable(y, w, n);
        for (var i = 0; i < n; i++) used[i] &= double.IsFinite(x[i]);
        var candidate = (bool[])used.Clone();
        var xs = x.ToArray(); var ys = y.ToArray(); var ws = w.IsEmpty ? null : w.ToArray();
        var m = order + 1;
        double[]? c = null;
        double rms = double.NaN;
        for (var iteration = 0; ; iteration++)
        {
            c = Solve(n, m, used, ys, ws, (i, row) => Legendre.Fill(Legendre.ToWindow(xs[i], min, max), row));
            if (c is null) return null;
            var coefficients = c;
            (rms, var changed) = Reject(n, used, candidate, ys, ws, i => Legendre.Sum(coefficients, Legendre.ToWindow(xs[i], min, max)), sigma,
                reject: iteration < maxIterations, minimum: m, robust);
            if (!changed) break;
        }
        return new SeriesFit(c, min, max, used, rms);
    }

    /// <summary>As <see cref="FitSeries"/>, for a surface z(x, y) over the given (i, j) Legendre terms.</summary>
    public static SurfaceFit? FitSurface(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, ReadOnlySpan<double> w,
        (int I, int J)[] terms, (double Min, double Max) xDomain, (double Min, double Max) yDomain, double sigma = 3, int maxIterations = 5)
    {
        var n = x.Length;
        var used = Usable(z, w, n);
        for (var i = 0; i < n; i++) used[i] &= double.IsFinite(x[i]) && double.IsFinite(y[i]);
        var candidate = (bool[])used.Clone();
        var xs = x.ToArray(); var ys = y.ToArray(); var zs = z.ToArray(); var ws = w.IsEmpty ? null : w.ToArray();
        var maxI = terms.Max(t => t.I) + 1; var maxJ = terms.Max(t => t.J) + 1;
        void Row(int i, Span<double> row)
        {
            Span<double> px = stackalloc double[maxI];
            Span<double> py = stackalloc double[maxJ];
            Legendre.Fill(Legendre.ToWindow(xs[i], xDomain.Min, xDomain.Max), px);
            Legendre.Fill(Legendre.ToWindow(ys[i], yDomain.Min, yDomain.Max), py);
            for (var k = 0; k < terms.Length; k++) row[k] = px[terms[k].I] * py[terms[k].J];
        }
        SurfaceFit? fit = null;
        for (var iteration = 0; ; iteration++)
        {
            var c = Solve(n, terms.Length, used, zs, ws, Row);
            if (c is null) return null;
            fit = new SurfaceFit(c, terms, xDomain.Min, xDomain.Max, yDomain.Min, yDomain.Max, used, 0);
            var current = fit;
            var (rms, changed) = Reject(n, used, candidate, zs, ws, i => current.Evaluate(xs[i], ys[i]), sigma, reject: iteration < maxIterations, minimum: terms.Length);
            fit = fit with { Rms = rms };
            if (!changed) break;
        }
        return fit;
    }

    private static bool[] Usable(ReadOnlySpan<double> values, ReadOnlySpan<double> w, int n)
    {
        if (!w.IsEmpty && w.Length != n) throw new ArgumentException($"{w.Length} weights for {n} points", nameof(w));
        var used = new bool[n];
        for (var i = 0; i < n; i++) used[i] = double.IsFinite(values[i]) && (w.IsEmpty || (double.IsFinite(w[i]) && w[i] > 0));
        return used;
    }

    private static double[]? Solve(int n, int m, bool[] used, double[] y, double[]? w, Action<int, Span<double>> fill)
    {
        var count = used.Count(u => u);
        if (count < m) return null;
        var a = Matrix<double>.Build.Dense(count, m);
        var b = Vector<double>.Build.Dense(count);
        var row = new double[m];
        var r = 0;
        for (var i = 0; i < n; i++)
        {
            if (!used[i]) continue;
            fill(i, row);
            var s = w is null ? 1 : Math.Sqrt(w[i]);
            for (var k = 0; k < m; k++) a[r, k] = row[k] * s;
            b[r] = y[i] * s;
            r++;
        }
        var solution = a.QR().Solve(b);
        var c = solution.ToArray();
        return c.All(double.IsFinite) ? c : null;
    }

    // Rejects (at most) the worst outliers beyond sigma × rms of the normalised residuals; returns the rms and whether anything changed.
    private static (double Rms, bool Changed) Reject(int n, bool[] used, bool[] candidate, double[] y, double[]? w, Func<int, double> model, double sigma, bool reject, int minimum, bool robust = false)
    {
        double sum = 0, wsum = 0;
        var residual = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!candidate[i]) { residual[i] = double.NaN; continue; }
            residual[i] = y[i] - model(i);
            if (!used[i]) continue;
            var wi = w is null ? 1 : w[i];
            sum += wi * residual[i] * residual[i];
            wsum += wi;
        }
        var rms = wsum > 0 ? Math.Sqrt(sum / wsum) : double.NaN;
        if (!reject || !(rms > 0)) return (rms, false);
        var changed = false;
        var kept = used.Count(u => u);
        // Normalised residual: the weighted distance in units of the weighted rms (σ_i = rms / √(w_i / mean w)); with
        // `robust` the scale is the MAD-σ of the kept normalised residuals instead, which a point of high leverage cannot inflate.
        var meanW = wsum / Math.Max(1, kept);
        var scaleSigma = rms;
        if (robust)
        {
            var normalised = new List<double>();
            for (var i = 0; i < n; i++)
                if (used[i] && double.IsFinite(residual[i])) normalised.Add(Math.Abs(residual[i]) * (w is null ? 1 : Math.Sqrt(w[i] / meanW)));
            normalised.Sort();
            if (normalised.Count > 0) scaleSigma = Math.Max(1.482602218505602 * normalised[normalised.Count / 2], 1e-12 * rms);
        }
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(residual[i])) continue;
            var scale = w is null ? 1 : Math.Sqrt(w[i] / meanW);
            var bad = Math.Abs(residual[i]) * scale > sigma * scaleSigma;
            if (used[i] && bad && kept > minimum + 1) { used[i] = false; kept--; changed = true; }
            else if (!used[i] && !bad) { used[i] = true; kept++; changed = true; }
        }
        return (rms, changed);
    }
}
