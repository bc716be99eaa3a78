namespace Parallax.Simulation.Imaging;

/// <summary>
/// Renders a Sérsic galaxy, I ∝ exp(−b_n((r/r_e)^{1/n} − 1)) on elliptical radii, out to 8 r_e (at most 100
/// pixels), seen through the seeing: the profile (3×3 sub-pixels near the centre) is convolved with a Gaussian
/// of the seeing FWHM, and the stamp holds exactly the galaxy's total flux (the truncated profile is the truth).
/// </summary>
internal static class SersicStamp
{
    /// <summary>b_n of Ciotti &amp; Bertin (1999), so that r_e holds half the light.</summary>
    public static double B(double n) => 2 * n - 1.0 / 3 + 4 / (405 * n) + 46 / (25515 * n * n);

    /// <summary>Adds the galaxy to the image.</summary>
    /// <param name="image">Trimmed image, electrons.</param>
    /// <param name="nx">Columns.</param>
    /// <param name="ny">Rows.</param>
    /// <param name="x">Centre, zero-based column.</param>
    /// <param name="y">Centre, zero-based row.</param>
    /// <param name="flux">Total electrons.</param>
    /// <param name="n">Sérsic index.</param>
    /// <param name="re">Half-light radius along the major axis, pixels.</param>
    /// <param name="q">Axis ratio.</param>
    /// <param name="theta">Major-axis angle from +x towards +y, radians.</param>
    /// <param name="seeingFwhm">Seeing FWHM, pixels.</param>
    public static void Add(float[] image, int nx, int ny, double x, double y, double flux, double n, double re, double q, double theta, double seeingFwhm)
    {
        var sigma = seeingFwhm / 2.3548;
        var kr = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var radius = (int)Math.Clamp(Math.Ceiling(8 * re), 3, 100) + kr;
        var (ix, iy) = ((int)Math.Round(x), (int)Math.Round(y));
        if (ix + radius < 0 || iy + radius < 0 || ix - radius >= nx || iy - radius >= ny) return;
        var size = 2 * radius + 1;
        var profile = new double[size * size];
        var b = B(n);
        var (c, s) = (Math.Cos(theta), Math.Sin(theta));
        var limit = 8 * re;
        for (var j = 0; j < size; j++)
            for (var i = 0; i < size; i++)
            {
                var px = ix - radius + i - x;
                var py = iy - radius + j - y;
                var sub = px * px + py * py < 9 ? 3 : 1;
                var v = 0.0;
                for (var sj = 0; sj < sub; sj++)
                    for (var si = 0; si < sub; si++)
                    {
                        var dx = px + (si + 0.5) / sub - 0.5;
                        var dy = py + (sj + 0.5) / sub - 0.5;
                        var major = dx * c + dy * s;
                        var minor = (-dx * s + dy * c) / q;
                        var r = Math.Sqrt(major * major + minor * minor);
                        if (r <= limit) v += Math.Exp(-b * (Math.Pow(r / re, 1 / n) - 1));
                    }
                profile[j * size + i] = v / (sub * sub);
            }
        var blurred = Blur(profile, size, sigma, kr);
        var sum = 0.0;
        foreach (var v in blurred) sum += v;
        if (!(sum > 0)) return;
        var scale = flux / sum;
        for (var j = 0; j < size; j++)
        {
            var yy = iy - radius + j;
            if (yy < 0 || yy >= ny) continue;
            for (var i = 0; i < size; i++)
            {
                var xx = ix - radius + i;
                if (xx >= 0 && xx < nx) image[yy * nx + xx] += (float)(blurred[j * size + i] * scale);
            }
        }
    }

    private static double[] Blur(double[] image, int size, double sigma, int kr)
    {
        var kernel = new double[2 * kr + 1];
        var ks = 0.0;
        for (var k = -kr; k <= kr; k++) ks += kernel[k + kr] = Math.Exp(-k * k / (2 * sigma * sigma));
        for (var k = 0; k < kernel.Length; k++) kernel[k] /= ks;
        var tmp = new double[image.Length];
        var result = new double[image.Length];
        for (var j = 0; j < size; j++)
            for (var i = 0; i < size; i++)
            {
                var v = 0.0;
                for (var k = -kr; k <= kr; k++) if (i + k >= 0 && i + k < size) v += kernel[k + kr] * image[j * size + i + k];
                tmp[j * size + i] = v;
            }
        for (var j = 0; j < size; j++)
            for (var i = 0; i < size; i++)
            {
                var v = 0.0;
                for (var k = -kr; k <= kr; k++) if (j + k >= 0 && j + k < size) v += kernel[k + kr] * tmp[(j + k) * size + i];
                result[j * size + i] = v;
            }
        return result;
    }
}
