namespace Parallax.Fits.Coordinates;

/// <summary>
/// Simple Imaging Polynomial distortion (Shupe et al. 2005). Works on pixel offsets from the reference
/// pixel, (u, v) = (p1 - CRPIX1, p2 - CRPIX2), in pixels:
/// the forward polynomials give U = u + sum A_p_q u^p v^q and V = v + sum B_p_q u^p v^q, and the linear
/// CD (or PC/CDELT) matrix is then applied to (U, V). The optional inverse polynomials AP/BP approximate
/// the way back; <see cref="Undistort"/> uses them only as a starting guess and refines with Newton's
/// method on the forward polynomials, so a round trip is exact to rounding.
/// Immutable and thread-safe.
/// </summary>
public sealed class SipDistortion
{
    private const int MaxIterations = 50;
    private const double ConvergedStep = 1e-12;

    private readonly SipPolynomial _a;
    private readonly SipPolynomial _b;
    private readonly SipPolynomial? _ap;
    private readonly SipPolynomial? _bp;

    /// <summary>Creates the distortion from coefficient arrays indexed [p, q]; each is (order + 1) square, and entries with p + q &gt; order are ignored.</summary>
    /// <param name="a">A_p_q, the forward correction to u; its order is A_ORDER.</param>
    /// <param name="b">B_p_q, the forward correction to v; its order is B_ORDER.</param>
    /// <param name="ap">AP_p_q, the approximate inverse correction to U, or null.</param>
    /// <param name="bp">BP_p_q, the approximate inverse correction to V; given exactly when <paramref name="ap"/> is.</param>
    /// <exception cref="ArgumentException">An array is not square, or only one of AP/BP is given.</exception>
    public SipDistortion(double[,] a, double[,] b, double[,]? ap = null, double[,]? bp = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if ((ap is null) != (bp is null))
            throw new ArgumentException("AP and BP must be given together", ap is null ? nameof(ap) : nameof(bp));
        _a = new SipPolynomial(a);
        _b = new SipPolynomial(b);
        _ap = ap is null ? null : new SipPolynomial(ap);
        _bp = bp is null ? null : new SipPolynomial(bp);
    }

    /// <summary>A_ORDER.</summary>
    public int AOrder => _a.Order;

    /// <summary>B_ORDER.</summary>
    public int BOrder => _b.Order;

    /// <summary>AP_ORDER, or null when there is no inverse polynomial.</summary>
    public int? APOrder => _ap?.Order;

    /// <summary>BP_ORDER, or null when there is no inverse polynomial.</summary>
    public int? BPOrder => _bp?.Order;

    /// <summary>True when AP/BP inverse polynomials are present.</summary>
    public bool HasInverse => _ap is not null;

    /// <summary>A_p_q (0 beyond the order).</summary>
    public double A(int p, int q) => _a[p, q];

    /// <summary>B_p_q (0 beyond the order).</summary>
    public double B(int p, int q) => _b[p, q];

    /// <summary>AP_p_q (0 beyond the order or when absent).</summary>
    public double AP(int p, int q) => _ap?[p, q] ?? 0.0;

    /// <summary>BP_p_q (0 beyond the order or when absent).</summary>
    public double BP(int p, int q) => _bp?[p, q] ?? 0.0;

    /// <summary>The A coefficients as an array indexed [p, q].</summary>
    public double[,] GetA() => _a.ToArray();

    /// <summary>The B coefficients as an array indexed [p, q].</summary>
    public double[,] GetB() => _b.ToArray();

    /// <summary>The AP coefficients, or null.</summary>
    public double[,]? GetAP() => _ap?.ToArray();

    /// <summary>The BP coefficients, or null.</summary>
    public double[,]? GetBP() => _bp?.ToArray();

    /// <summary>Applies the forward distortion: pixel offsets (u, v) from CRPIX to corrected offsets (U, V), in pixels.</summary>
    public (double U, double V) Distort(double u, double v) => (u + _a.Evaluate(u, v), v + _b.Evaluate(u, v));

    /// <summary>
    /// Inverts the forward distortion: corrected offsets (U, V) to pixel offsets (u, v) from CRPIX, in pixels.
    /// Starts from AP/BP when present (else from (U, V)) and runs Newton's method on the forward
    /// polynomials until a step is below 1e-12 px (relative to the offset when larger than 1 px); gives NaN when it
    /// does not converge within 50 steps
    /// (far outside the region the polynomials were fitted on).
    /// </summary>
    public (double U, double V) Undistort(double bigU, double bigV)
    {
        double u, v;
        if (_ap is not null)
        {
            u = bigU + _ap.Evaluate(bigU, bigV);
            v = bigV + _bp!.Evaluate(bigU, bigV);
        }
        else
        {
            u = bigU;
            v = bigV;
        }
        double du = double.NaN, dv = double.NaN;
        for (var i = 0; i < MaxIterations; i++)
        {
            _a.EvaluateWithGradient(u, v, out var f, out var fu, out var fv);
            _b.EvaluateWithGradient(u, v, out var g, out var gu, out var gv);
            var r1 = u + f - bigU;
            var r2 = v + g - bigV;
            var j11 = 1.0 + fu;
            var j22 = 1.0 + gv;
            var det = j11 * j22 - fv * gu;
            du = (j22 * r1 - fv * r2) / det;
            dv = (j11 * r2 - gu * r1) / det;
            u -= du;
            v -= dv;
            if (!double.IsFinite(u) || !double.IsFinite(v)) break;
            if (Math.Abs(du) <= ConvergedStep * Math.Max(1.0, Math.Abs(u)) && Math.Abs(dv) <= ConvergedStep * Math.Max(1.0, Math.Abs(v)))
                return (u, v);
        }
        // Rounding noise can keep the last steps just above the threshold; accept a solution that has settled anyway.
        return Math.Abs(du) < 1e-9 && Math.Abs(dv) < 1e-9 ? (u, v) : (double.NaN, double.NaN);
    }
}
