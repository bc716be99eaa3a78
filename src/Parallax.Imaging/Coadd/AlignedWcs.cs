using Parallax.Fits.Coordinates;
using Parallax.Imaging.Alignment;

namespace Parallax.Imaging.Coadd;

/// <summary>
/// The WCS of a frame aligned to a reference frame: the reference's TAN (+SIP) WCS carried through the frame→reference pixel
/// transform, exactly. With q = M·p + t the transform (zero-based pixels), the frame's reference pixel is T⁻¹ of the reference's,
/// its CD matrix CD·M, and its SIP polynomials M⁻¹·f(M·u) (and likewise for AP/BP): a linear change of variables keeps a polynomial's
/// degree, so the result is again a TAN-SIP WCS and agrees with "transform, then the reference's WCS" to rounding.
/// </summary>
public static class AlignedWcs
{
    /// <summary>The WCS of a frame whose pixels map to <paramref name="reference"/>'s by <paramref name="frameToReference"/>.</summary>
    /// <param name="reference">The reference frame's WCS (TAN projection, with or without SIP).</param>
    /// <param name="frameToReference">Zero-based frame pixel → zero-based reference pixel.</param>
    /// <exception cref="ArgumentException">The reference is not a TAN projection, or the transform is singular.</exception>
    public static Wcs Derive(Wcs reference, AffineTransform2D frameToReference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (c1, c2) = reference.CoordinateTypes;
        if (!c1.Contains("TAN", StringComparison.OrdinalIgnoreCase) || !c2.Contains("TAN", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"only a TAN reference WCS can be carried to an aligned frame, not {c1}/{c2}", nameof(reference));
        var t = frameToReference;
        var det = t.Determinant;
        if (!(Math.Abs(det) > 1e-12) || !double.IsFinite(det)) throw new ArgumentException($"the frame→reference transform {t} is singular", nameof(frameToReference));
        var inverse = t.Inverse();
        var (r1, r2) = reference.ReferencePixel;
        var (x0, y0) = inverse.Apply(r1 - 1, r2 - 1);
        var (d11, d12, d21, d22) = reference.Cd;
        var (ra, dec) = reference.ReferenceCoordinate;
        var wcs = Wcs.CreateTan(ra, dec, x0 + 1, y0 + 1,
            d11 * t.A + d12 * t.C, d11 * t.B + d12 * t.D,
            d21 * t.A + d22 * t.C, d21 * t.B + d22 * t.D);
        if (reference.Sip is not { } sip) return wcs;
        var (i11, i12, i21, i22) = (t.D / det, -t.B / det, -t.C / det, t.A / det);
        var (a, b) = Compose(sip.GetA(), sip.GetB(), t, i11, i12, i21, i22);
        double[,]? ap = null, bp = null;
        if (sip.GetAP() is { } sap && sip.GetBP() is { } sbp) (ap, bp) = Compose(sap, sbp, t, i11, i12, i21, i22);
        return wcs.WithSip(new SipDistortion(a, b, ap, bp));
    }

    /// <summary>M⁻¹·(f(M·u), g(M·u)) for the polynomial pair (f, g) given as [p, q] coefficient arrays.</summary>
    private static (double[,] F, double[,] G) Compose(double[,] f, double[,] g, AffineTransform2D m, double i11, double i12, double i21, double i22)
    {
        var order = Math.Max(f.GetLength(0), g.GetLength(0)) - 1;
        var pf = Substitute(f, m, order);
        var pg = Substitute(g, m, order);
        var n = order + 1;
        var rf = new double[n, n];
        var rg = new double[n, n];
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; p + q < n; q++)
            {
                rf[p, q] = i11 * pf[p, q] + i12 * pg[p, q];
                rg[p, q] = i21 * pf[p, q] + i22 * pg[p, q];
            }
        }
        return (rf, rg);
    }

    /// <summary>Σ c[p,q]·(A·u + B·v)^p·(C·u + D·v)^q as coefficients of u^i·v^j.</summary>
    private static double[,] Substitute(double[,] c, AffineTransform2D m, int order)
    {
        var n = order + 1;
        var lu = Powers(m.A, m.B, order);
        var lv = Powers(m.C, m.D, order);
        var result = new double[n, n];
        var size = c.GetLength(0);
        for (var p = 0; p < size; p++)
        {
            for (var q = 0; p + q < size; q++)
            {
                var k = c[p, q];
                if (k == 0) continue;
                var prod = Multiply(lu[p], lv[q], n);
                for (var i = 0; i < n; i++)
                    for (var j = 0; i + j < n; j++)
                        result[i, j] += k * prod[i, j];
            }
        }
        return result;
    }

    /// <summary>(a·u + b·v)^k for k = 0..order.</summary>
    private static double[][,] Powers(double a, double b, int order)
    {
        var n = order + 1;
        var powers = new double[n][,];
        powers[0] = new double[n, n];
        powers[0][0, 0] = 1;
        var linear = new double[n, n];
        if (n > 1)
        {
            linear[1, 0] = a;
            linear[0, 1] = b;
        }
        for (var k = 1; k < n; k++) powers[k] = Multiply(powers[k - 1], linear, n);
        return powers;
    }

    private static double[,] Multiply(double[,] x, double[,] y, int n)
    {
        var r = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; i + j < n; j++)
            {
                if (x[i, j] == 0) continue;
                for (var k = 0; i + k < n; k++)
                    for (var l = 0; i + j + k + l < n; l++)
                        r[i + k, j + l] += x[i, j] * y[k, l];
            }
        return r;
    }
}
