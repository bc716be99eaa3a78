namespace Parallax.Simulation.Imaging;

/// <summary>
/// Renders a point source with a Moffat profile, I(r) ∝ (1 + (r/α)²)^−β with FWHM = 2α√(2^{1/β} − 1), into a
/// small stamp of the image. Pixels within 1.5 FWHM of the centre are integrated on a 4×4 grid of sub-pixels,
/// the rest sampled at their centre; the stamp is as large as needed for the light beyond it to be under 0.2
/// electrons (at most 100 pixels), and is scaled so that it holds exactly the flux inside its inscribed circle.
/// </summary>
internal static class MoffatStamp
{
    private const int Subsamples = 4;
    private const int MaxRadius = 100;

    /// <summary>The Moffat α for a FWHM.</summary>
    public static double Alpha(double fwhm, double beta) => fwhm / (2 * Math.Sqrt(Math.Pow(2, 1 / beta) - 1));

    /// <summary>Fraction of the flux inside radius r.</summary>
    public static double EnclosedFraction(double r, double fwhm, double beta)
    {
        var a = Alpha(fwhm, beta);
        return 1 - Math.Pow(1 + r * r / (a * a), 1 - beta);
    }

    /// <summary>Half-size of the stamp for a source of this flux.</summary>
    public static int Radius(double flux, double fwhm, double beta)
    {
        var a = Alpha(fwhm, beta);
        var r = a * Math.Sqrt(Math.Max(0, Math.Pow(Math.Max(flux, 1) / 0.2, 1 / (beta - 1)) - 1));
        return (int)Math.Clamp(Math.Ceiling(r), Math.Ceiling(2 * fwhm) + 1, MaxRadius);
    }

    // q^−β; β = 3 (the usual choice) without a power function, which dominates the cost of large stamps.
    private static double Profile(double q, double beta) => beta == 3 ? 1 / (q * q * q) : Math.Pow(q, -beta);

    /// <summary>Adds the source (total <paramref name="flux"/> electrons at zero-based position x, y) to the image.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Add(float[] image, int nx, int ny, double x, double y, double flux, double fwhm, double beta)
    {
        var radius = Radius(flux, fwhm, beta);
        var (ix, iy) = ((int)Math.Round(x), (int)Math.Round(y));
        if (ix + radius < 0 || iy + radius < 0 || ix - radius >= nx || iy - radius >= ny) return;
        var size = 2 * radius + 1;
        var stamp = new double[size * size];
        var a2 = Alpha(fwhm, beta) * Alpha(fwhm, beta);
        var core2 = 2.25 * fwhm * fwhm;
        var sum = 0.0;
        for (var j = 0; j < size; j++)
        {
            var py = iy - radius + j - y;
            for (var i = 0; i < size; i++)
            {
                var px = ix - radius + i - x;
                double v;
                if (px * px + py * py < core2 + 2)
                {
                    v = 0;
                    for (var sj = 0; sj < Subsamples; sj++)
                    {
                        var sy = py + (sj + 0.5) / Subsamples - 0.5;
                        for (var si = 0; si < Subsamples; si++)
                        {
                            var sx = px + (si + 0.5) / Subsamples - 0.5;
                            v += Profile(1 + (sx * sx + sy * sy) / a2, beta);
                        }
                    }
                    v /= Subsamples * Subsamples;
                }
                else
                {
                    v = Profile(1 + (px * px + py * py) / a2, beta);
                }
                stamp[j * size + i] = v;
                sum += v;
            }
        }
        var scale = flux * EnclosedFraction(radius + 0.5, fwhm, beta) / sum;
        for (var j = 0; j < size; j++)
        {
            var yy = iy - radius + j;
            if (yy < 0 || yy >= ny) continue;
            for (var i = 0; i < size; i++)
            {
                var xx = ix - radius + i;
                if (xx < 0 || xx >= nx) continue;
                image[yy * nx + xx] += (float)(stamp[j * size + i] * scale);
            }
        }
    }
}
