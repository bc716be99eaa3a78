using Parallax.Fits.Coordinates;

namespace Parallax.Imaging.Tests.Resampling;

/// <summary>Synthetic frames for the resampling tests: images filled from analytic functions, with TAN WCSs.</summary>
internal static class Frames
{
    public const double Ra = 150.0;
    public const double Dec = 2.2;
    public const double Scale = 0.5 / 3600.0;

    /// <summary>A north-up TAN WCS whose reference pixel (one-based crpix) sits at the given place.</summary>
    public static Wcs Tan(double crpix1, double crpix2, double scale = Scale, double rotation = 0.0)
        => Wcs.CreateTan(Ra, Dec, crpix1, crpix2, scale, rotation);

    /// <summary>An image with value f(x, y) at each zero-based pixel centre, variance <paramref name="variance"/>, and the WCS.</summary>
    public static MaskedImage FromFunction(int width, int height, Func<double, double, double> f, Wcs wcs, float variance = 0f)
    {
        var img = new MaskedImage(width, height) { Wcs = wcs };
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                img.Data[y * width + x] = (float)f(x, y);
                img.Variance[y * width + x] = variance;
            }
        return img;
    }

    /// <summary>A smooth test function: sky level, a tilt and two low-frequency waves (periods 23 to 41 px).</summary>
    public static double Smooth(double x, double y)
        => 200.0 + 0.3 * x - 0.2 * y + 20.0 * Math.Sin(2 * Math.PI * x / 41.0 + 0.4) * Math.Cos(2 * Math.PI * y / 29.0)
           + 8.0 * Math.Sin(2 * Math.PI * (x + y) / 23.0);

    /// <summary>The input position of an output pixel, through the sky (what the resampler approximates on its grid).</summary>
    public static (double X, double Y) InputPosition(Wcs output, Wcs input, double x, double y)
    {
        var (lon, lat) = output.PixelToWorld(x, y);
        return input.WorldToPixel(lon, lat);
    }

    /// <summary>A circular Gaussian star of total flux <paramref name="flux"/>, integrated over each pixel (error functions), added to the image.</summary>
    public static void AddStar(MaskedImage img, double x0, double y0, double flux, double sigma)
    {
        var r = (int)Math.Ceiling(8 * sigma);
        for (var y = Math.Max(0, (int)y0 - r); y <= Math.Min(img.Height - 1, (int)y0 + r); y++)
        {
            var fy = PixelIntegral(y, y0, sigma);
            for (var x = Math.Max(0, (int)x0 - r); x <= Math.Min(img.Width - 1, (int)x0 + r); x++)
                img.Data[y * img.Width + x] += (float)(flux * fy * PixelIntegral(x, x0, sigma));
        }
    }

    private static double PixelIntegral(int i, double c, double sigma)
    {
        var s = sigma * Math.Sqrt(2);
        return 0.5 * (Erf((i + 0.5 - c) / s) - Erf((i - 0.5 - c) / s));
    }

    /// <summary>erf to 1.2e-7 (Numerical Recipes erfc Chebyshev), enough for fluxes compared to 1e-3.</summary>
    private static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1.0 - ans : ans - 1.0;
    }

    /// <summary>Gaussian-windowed centroid (as SExtractor's XWIN), iterated from a first guess: unbiased for a symmetric star on zero sky.</summary>
    public static (double X, double Y) WindowedCentroid(MaskedImage img, double x, double y, double sigma)
    {
        for (var it = 0; it < 50; it++)
        {
            double sw = 0, sx = 0, sy = 0;
            var r = (int)Math.Ceiling(5 * sigma);
            for (var yy = (int)Math.Round(y) - r; yy <= (int)Math.Round(y) + r; yy++)
                for (var xx = (int)Math.Round(x) - r; xx <= (int)Math.Round(x) + r; xx++)
                {
                    if (xx < 0 || yy < 0 || xx >= img.Width || yy >= img.Height) continue;
                    var v = img.Data[yy * img.Width + xx];
                    if (!float.IsFinite(v)) continue;
                    var w = Math.Exp(-((xx - x) * (xx - x) + (yy - y) * (yy - y)) / (2 * sigma * sigma)) * v;
                    sw += w; sx += w * (xx - x); sy += w * (yy - y);
                }
            // The windowed first moment converges to the centre with a step of 2 (SExtractor's XWIN iteration).
            var dx = 2 * sx / sw;
            var dy = 2 * sy / sw;
            x += dx; y += dy;
            if (Math.Abs(dx) < 1e-7 && Math.Abs(dy) < 1e-7) break;
        }
        return (x, y);
    }
}
