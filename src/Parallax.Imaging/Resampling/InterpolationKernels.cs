using System.Runtime.CompilerServices;

namespace Parallax.Imaging.Resampling;

/// <summary>
/// One-dimensional weights of the <see cref="InterpolationKernel"/>s. Pixel centres are at integer coordinates
/// (zero-based), so a position x lies between pixels floor(x) and floor(x) + 1.
/// </summary>
public static class InterpolationKernels
{
    /// <summary>The largest number of taps per axis of any kernel (Lanczos-3: 6).</summary>
    public const int MaxTaps = 6;

    /// <summary>Number of input pixels per axis a kernel reads: 1, 2, 4 or 6.</summary>
    public static int Taps(InterpolationKernel kernel) => kernel switch
    {
        InterpolationKernel.Nearest => 1,
        InterpolationKernel.Bilinear => 2,
        InterpolationKernel.Bicubic => 4,
        InterpolationKernel.Lanczos3 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "unknown interpolation kernel"),
    };

    /// <summary>
    /// The weights of the input pixels around position <paramref name="x"/> along one axis. The weights sum to 1
    /// (Lanczos-3's are normalised so; the others are by construction) and at an integer position they are exactly
    /// 1 on that pixel and 0 elsewhere.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="x">Position in zero-based pixels; must be finite (the caller checks).</param>
    /// <param name="weights">Receives <see cref="Taps"/>(kernel) weights (at least that many elements).</param>
    /// <returns>The index of the pixel the first weight belongs to (may be negative or beyond the image: the caller clips).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Weights(InterpolationKernel kernel, double x, Span<double> weights)
    {
        switch (kernel)
        {
            case InterpolationKernel.Nearest:
                weights[0] = 1.0;
                return (int)Math.Floor(x + 0.5);
            case InterpolationKernel.Bilinear:
            {
                var i = Math.Floor(x);
                var f = x - i;
                weights[0] = 1.0 - f;
                weights[1] = f;
                return (int)i;
            }
            case InterpolationKernel.Bicubic:
            {
                var i = Math.Floor(x);
                Bicubic(x - i, weights);
                return (int)i - 1;
            }
            case InterpolationKernel.Lanczos3:
            {
                var i = Math.Floor(x);
                var f = x - i;
                // Just below an integer the sin(π d/3) sum formula cancels badly; the kernel there is the integer's.
                if (f > 1.0 - 1e-9) { i += 1.0; f = 0.0; }
                Lanczos3(f, weights);
                return (int)i - 2;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "unknown interpolation kernel");
        }
    }

    /// <summary>The continuous kernel function at offset t (pixels): the weight of a pixel at distance t (Lanczos-3 unnormalised).</summary>
    public static double Evaluate(InterpolationKernel kernel, double t)
    {
        var a = Math.Abs(t);
        switch (kernel)
        {
            case InterpolationKernel.Nearest:
                return a < 0.5 || t == -0.5 ? 1.0 : 0.0;
            case InterpolationKernel.Bilinear:
                return a < 1.0 ? 1.0 - a : 0.0;
            case InterpolationKernel.Bicubic:
                return a <= 1.0 ? (1.5 * a - 2.5) * a * a + 1.0
                    : a < 2.0 ? ((-0.5 * a + 2.5) * a - 4.0) * a + 2.0
                    : 0.0;
            case InterpolationKernel.Lanczos3:
                if (a < 1e-12) return 1.0;
                if (a >= 3.0) return 0.0;
                var px = Math.PI * a;
                return 3.0 * Math.Sin(px) * Math.Sin(px / 3.0) / (px * px);
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "unknown interpolation kernel");
        }
    }

    /// <summary>Keys cubic (a = −0.5) weights for the pixels at offsets −1, 0, 1, 2 from floor(x); f = x − floor(x) in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Bicubic(double f, Span<double> w)
    {
        // The four Keys weights written as polynomials in f (sum exactly 1, and 0/1/0/0 at f = 0).
        var f2 = f * f;
        var f3 = f2 * f;
        w[0] = -0.5 * f3 + f2 - 0.5 * f;
        w[1] = 1.5 * f3 - 2.5 * f2 + 1.0;
        w[2] = -1.5 * f3 + 2.0 * f2 + 0.5 * f;
        w[3] = 0.5 * f3 - 0.5 * f2;
    }

    // sin 60°, for the sum formula sin(a ± π/3) and sin(a ± 2π/3).
    private static readonly double Sin60 = Math.Sqrt(3.0) / 2.0;

    /// <summary>Lanczos-3 weights for the pixels at offsets −2..3 from floor(x); f = x − floor(x) in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lanczos3(double f, Span<double> w)
    {
        if (f < 1e-9)
        {
            // On a pixel centre the kernel is exactly 1 there and 0 on the other integers.
            w[0] = 0; w[1] = 0; w[2] = 1; w[3] = 0; w[4] = 0; w[5] = 0;
            return;
        }
        // Tap k sits at distance d = f + 2 − k: its weight is 3 sin(π d) sin(π d / 3) / (π d)², where sin(π d) =
        // (−1)^k sin(π f), and sin(π d / 3) = sin(a + (2 − k)π/3) with a = π f / 3 by the sum formula: one sin/cos
        // pair per axis, as SWarp does.
        var (s3, c3) = SinCosThirdPi(f);
        const double c60 = 0.5;
        var sqrt3h = Sin60;
        // sin(a + mπ/3) for m = 2, 1, 0, −1, −2, −3.
        var sp2 = s3 * -c60 + c3 * sqrt3h;
        var sp1 = s3 * c60 + c3 * sqrt3h;
        var sp0 = s3;
        var sm1 = s3 * c60 - c3 * sqrt3h;
        var sm2 = s3 * -c60 - c3 * sqrt3h;
        var sm3 = -s3;
        // The factor 3 sin(π f)/π² is common to all six weights and cancels in the normalisation, as does the
        // product of the six d²: weight k ∝ ±sin(π d_k / 3) · Π_{j≠k} d_j², from prefix and suffix products, so the
        // only division left is the normalisation (seven divisions per axis cost more than the sine).
        var q0 = (f + 2.0) * (f + 2.0); var q1 = (f + 1.0) * (f + 1.0); var q2 = f * f;
        var q3 = (f - 1.0) * (f - 1.0); var q4 = (f - 2.0) * (f - 2.0); var q5 = (f - 3.0) * (f - 3.0);
        var p01 = q0 * q1; var p012 = p01 * q2;
        var s45 = q4 * q5; var s345 = q3 * s45;
        var w0 = sp2 * (q1 * q2 * s345);
        var w1 = -sp1 * (q0 * q2 * s345);
        var w2 = sp0 * (p01 * s345);
        var w3 = -sm1 * (p012 * s45);
        var w4 = sm2 * (p012 * q3 * q5);
        var w5 = -sm3 * (p012 * q3 * q4);
        var norm = 1.0 / (w0 + w1 + w2 + w3 + w4 + w5);
        w[0] = w0 * norm; w[1] = w1 * norm; w[2] = w2 * norm; w[3] = w3 * norm; w[4] = w4 * norm; w[5] = w5 * norm;
    }

    /// <summary>
    /// sin and cos of π f / 3 for f in [0, 1], to within 2e-16: Taylor series of degree 13/14 about π/6, where |t| ≤ π/6.
    /// About four times faster than Math.SinCos, which is most of the cost of Lanczos weights.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Sin, double Cos) SinCosThirdPi(double f)
    {
        var t = Math.PI / 3.0 * (f - 0.5);
        var t2 = t * t;
        var st = t * (1.0 + t2 * (-1.0 / 6 + t2 * (1.0 / 120 + t2 * (-1.0 / 5040 + t2 * (1.0 / 362880 + t2 * (-1.0 / 39916800 + t2 * (1.0 / 6227020800.0)))))));
        var ct = 1.0 + t2 * (-0.5 + t2 * (1.0 / 24 + t2 * (-1.0 / 720 + t2 * (1.0 / 40320 + t2 * (-1.0 / 3628800 + t2 * (1.0 / 479001600.0 + t2 * (-1.0 / 87178291200.0)))))));
        // sin(π/6 + t) and cos(π/6 + t) with sin π/6 = 1/2, cos π/6 = √3/2.
        return (0.5 * ct + Sin60 * st, Sin60 * ct - 0.5 * st);
    }
}
