using Parallax.Fits.Coordinates;
using Parallax.Imaging.Fitting;

namespace Parallax.Imaging.Astrometry;

/// <summary>
/// Least-squares fit of a TAN WCS with SIP distortion to matched (pixel, sky) pairs, as astrometry.net's
/// fit-wcs and astropy's fit_wcs_from_points do it: CRPIX is held fixed; the stars' standard coordinates
/// (ξ, η) about a trial CRVAL are fitted as polynomials of the pixel offsets (u, v) from CRPIX, constant term
/// included; the constant moves CRVAL and the fit is repeated until it vanishes. The linear terms give CD, the
/// higher ones CD⁻¹ × coefficients give SIP's A and B; AP/BP are fitted to the inverse on a grid.
/// </summary>
internal static class TanSipFitter
{
    /// <summary>Fits the WCS to the pairs listed in <paramref name="rows"/>; null when the design is degenerate.</summary>
    /// <param name="rows">Indices of the pairs to use.</param>
    /// <param name="x">Zero-based pixel x of every pair.</param>
    /// <param name="y">Zero-based pixel y.</param>
    /// <param name="ra">Right ascension, degrees.</param>
    /// <param name="dec">Declination, degrees.</param>
    /// <param name="width">Image width (sets CRPIX1 at the centre and the inverse's grid).</param>
    /// <param name="height">Image height.</param>
    /// <param name="start">First guess of the sky position of CRPIX, degrees.</param>
    /// <param name="sipOrder">SIP order (0 or 1: TAN only).</param>
    public static Wcs? Fit(IReadOnlyList<int> rows, double[] x, double[] y, double[] ra, double[] dec, int width, int height, (double Ra, double Dec) start, int sipOrder)
    {
        var order = Math.Max(1, sipOrder);
        var terms = Terms(0, order);
        if (rows.Count < terms.Length) return null;
        var crpix1 = (width + 1) / 2.0;
        var crpix2 = (height + 1) / 2.0;
        // Offsets scaled to about ±1 keep the design matrix well conditioned for order 3 and above.
        var norm = Math.Max(width, height) / 2.0;
        var (ra0, dec0) = start;
        var xi = new double[rows.Count];
        var eta = new double[rows.Count];
        double[] cx = [], cy = [];
        for (var iteration = 0; iteration < 8; iteration++)
        {
            var plane = Wcs.CreateTan(ra0, dec0, 0, 0, 1, 0, 0, 1);
            for (var i = 0; i < rows.Count; i++)
                (xi[i], eta[i]) = plane.WorldToPixel(ra[rows[i]], dec[rows[i]], PixelOrigin.OneBased);
            try
            {
                cx = Solve(rows, x, y, xi, crpix1, crpix2, norm, terms);
                cy = Solve(rows, x, y, eta, crpix1, crpix2, norm, terms);
            }
            catch (InvalidOperationException)
            {
                return null;
            }
            if (!double.IsFinite(cx[0]) || !double.IsFinite(cy[0])) return null;
            if (Math.Abs(cx[0]) < 1e-10 && Math.Abs(cy[0]) < 1e-10) break;
            (ra0, dec0) = plane.PixelToWorld(cx[0], cy[0], PixelOrigin.OneBased);
            if (!double.IsFinite(ra0) || !double.IsFinite(dec0)) return null;
        }
        var cd11 = Coefficient(cx, terms, 1, 0, norm);
        var cd12 = Coefficient(cx, terms, 0, 1, norm);
        var cd21 = Coefficient(cy, terms, 1, 0, norm);
        var cd22 = Coefficient(cy, terms, 0, 1, norm);
        var det = cd11 * cd22 - cd12 * cd21;
        if (!(Math.Abs(det) > 0) || !double.IsFinite(det)) return null;
        var wcs = Wcs.CreateTan(ra0, dec0, crpix1, crpix2, cd11, cd12, cd21, cd22);
        if (sipOrder < 2) return wcs;
        var a = new double[order + 1, order + 1];
        var b = new double[order + 1, order + 1];
        foreach (var (p, q) in terms)
        {
            if (p + q < 2) continue;
            var fx = Coefficient(cx, terms, p, q, norm);
            var fy = Coefficient(cy, terms, p, q, norm);
            a[p, q] = (cd22 * fx - cd12 * fy) / det;
            b[p, q] = (-cd21 * fx + cd11 * fy) / det;
        }
        var forward = new SipDistortion(a, b);
        var (ap, bp) = FitInverse(forward, width, height, crpix1, crpix2, order + 1, norm);
        return wcs.WithSip(ap is null ? forward : new SipDistortion(a, b, ap, bp));
    }

    private static (int P, int Q)[] Terms(int minDegree, int maxDegree)
    {
        var list = new List<(int, int)>();
        for (var d = minDegree; d <= maxDegree; d++)
            for (var q = 0; q <= d; q++) list.Add((d - q, q));
        return [.. list];
    }

    private static double Coefficient(double[] c, (int P, int Q)[] terms, int p, int q, double norm)
        => c[Array.IndexOf(terms, (p, q))] / Math.Pow(norm, p + q);

    private static double[] Solve(IReadOnlyList<int> rows, double[] x, double[] y, double[] target, double crpix1, double crpix2, double norm, (int P, int Q)[] terms)
        => LeastSquares.Solve(rows.Count, terms.Length, (r, basis) =>
        {
            var s = (x[rows[r]] + 1 - crpix1) / norm;
            var t = (y[rows[r]] + 1 - crpix2) / norm;
            Basis(s, t, terms, basis);
            return (target[r], 1.0);
        });

    private static void Basis(double s, double t, (int P, int Q)[] terms, Span<double> basis)
    {
        for (var k = 0; k < terms.Length; k++) basis[k] = Math.Pow(s, terms[k].P) * Math.Pow(t, terms[k].Q);
    }

    /// <summary>AP/BP: u − U and v − V fitted as polynomials of (U, V) on a 25 × 25 grid over the image (they are only Newton's first guess).</summary>
    private static (double[,]? Ap, double[,]? Bp) FitInverse(SipDistortion sip, int width, int height, double crpix1, double crpix2, int order, double norm)
    {
        const int N = 25;
        var terms = Terms(1, order);
        var u = new double[N * N];
        var v = new double[N * N];
        var bigU = new double[N * N];
        var bigV = new double[N * N];
        for (var j = 0; j < N; j++)
        {
            for (var i = 0; i < N; i++)
            {
                var k = j * N + i;
                u[k] = 1 - crpix1 + (width - 1) * i / (N - 1.0);
                v[k] = 1 - crpix2 + (height - 1) * j / (N - 1.0);
                (bigU[k], bigV[k]) = sip.Distort(u[k], v[k]);
            }
        }
        double[] Fit(double[] target, double[] from)
            => LeastSquares.Solve(N * N, terms.Length, (r, basis) =>
            {
                Basis(bigU[r] / norm, bigV[r] / norm, terms, basis);
                return (target[r] - from[r], 1.0);
            });
        try
        {
            var cu = Fit(u, bigU);
            var cv = Fit(v, bigV);
            var ap = new double[order + 1, order + 1];
            var bp = new double[order + 1, order + 1];
            for (var k = 0; k < terms.Length; k++)
            {
                var (p, q) = terms[k];
                ap[p, q] = cu[k] / Math.Pow(norm, p + q);
                bp[p, q] = cv[k] / Math.Pow(norm, p + q);
            }
            return (ap, bp);
        }
        catch (InvalidOperationException)
        {
            return (null, null);
        }
    }
}
