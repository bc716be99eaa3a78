using Parallax.Imaging.Fitting;

namespace Parallax.Spectroscopy.Fitting;

/// <summary>
/// The fits this library needs — a Legendre series in one variable and a Legendre surface in two, each weighted and with
/// iterative sigma rejection — as thin adapters over the shared fitting layer (<see cref="PolynomialFitter"/>,
/// <see cref="SurfaceFitter"/>). Weights here are inverse variances (1/σ²); points with a non-finite value or a weight ≤ 0
/// never take part. A fit that cannot be made (too few points) returns null.
/// </summary>
internal static class LeastSquares
{
    /// <summary>A 1-D fit: the polynomial, which points it kept, and the rms of their residuals.</summary>
    public sealed record SeriesFit(Polynomial1D Polynomial, bool[] Used, double Rms)
    {
        public double[] Coefficients => Polynomial.Coefficients.ToArray();

        public double Min => Polynomial.DomainMin;

        public double Max => Polynomial.DomainMax;

        public double Evaluate(double x) => Polynomial.Evaluate(x);

        public double Derivative(double x) => Polynomial.Derivative(x);

        public int NumberUsed => Used.Count(u => u);
    }

    /// <summary>Fits y(x) by a Legendre series of <paramref name="order"/> on [min, max] with inverse-variance weights w (empty: equal).</summary>
    public static SeriesFit? FitSeries(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, int order, double min, double max,
        double sigma = 3, int maxIterations = 5)
    {
        var usable = Usable(x, y, w);
        if (usable.Count(u => u) < order + 1) return null;
        var options = new PolynomialFitOptions
        {
            Basis = PolynomialBasis.Legendre,
            Order = order,
            DomainMin = min,
            DomainMax = max,
            Rejection = new RejectionOptions { LowerSigma = sigma, UpperSigma = sigma, MaxIterations = maxIterations },
        };
        var fit = PolynomialFitter.Fit(x, y, options, SquareRoots(w));
        return new SeriesFit(fit.Model, Kept(usable, fit.Rejected), fit.Rms);
    }

    /// <summary>Fits z(x, y) by a Legendre surface with full cross terms, inverse-variance weights w (empty: equal).</summary>
    public static FitResult<PolynomialSurface>? FitSurface(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, ReadOnlySpan<double> w,
        int xOrder, int yOrder, (double Min, double Max) xDomain, (double Min, double Max) yDomain, double sigma = 3, int maxIterations = 5)
    {
        var usable = Usable(x, z, w);
        for (var i = 0; i < usable.Length; i++) usable[i] &= double.IsFinite(y[i]);
        if (usable.Count(u => u) < (xOrder + 1) * (yOrder + 1)) return null;
        var options = new SurfaceFitOptions
        {
            Basis = PolynomialBasis.Legendre,
            XOrder = xOrder,
            YOrder = yOrder,
            CrossTerms = CrossTerms.Full,
            XDomain = xDomain,
            YDomain = yDomain,
            Rejection = new RejectionOptions { LowerSigma = sigma, UpperSigma = sigma, MaxIterations = maxIterations },
        };
        return SurfaceFitter.Fit(x, y, z, options, SquareRoots(w));
    }

    private static bool[] Usable(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w)
    {
        var used = new bool[x.Length];
        for (var i = 0; i < used.Length; i++)
            used[i] = double.IsFinite(x[i]) && double.IsFinite(y[i]) && (w.IsEmpty || (double.IsFinite(w[i]) && w[i] > 0));
        return used;
    }

    // The shared fitters take weights multiplying the residuals (1/σ); ours are 1/σ².
    private static double[] SquareRoots(ReadOnlySpan<double> w)
    {
        if (w.IsEmpty) return [];
        var r = new double[w.Length];
        for (var i = 0; i < r.Length; i++) r[i] = w[i] > 0 ? Math.Sqrt(w[i]) : 0;
        return r;
    }

    private static bool[] Kept(bool[] usable, bool[] rejected)
    {
        var kept = new bool[usable.Length];
        for (var i = 0; i < kept.Length; i++) kept[i] = usable[i] && !rejected[i];
        return kept;
    }
}
