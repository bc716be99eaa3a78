using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Cosmics;

/// <summary>
/// A synthetic frame with known truth: sky, Moffat stars (β 3, FWHM 3–5 px, peak S/N up to a
/// few thousand), Poisson-like noise (Gaussian with variance = signal + read noise²), and cosmic
/// rays added after the noise: straight tracks 2–30 px long and compact Gaussian blobs of σ 0.3–0.7 px.
/// Electrons throughout (gain 1).
/// </summary>
public sealed class InjectedField
{
    public const float ReadNoise = 5f;

    public InjectedField(int width, int height, int stars, int cosmicRays, int seed)
    {
        Width = width;
        Height = height;
        var g = new Gaussian(seed);
        var n = width * height;
        Star = new float[n];
        CosmicCharge = new float[n];
        var sky = new float[n];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) sky[y * width + x] = 300f + 0.05f * x + 0.03f * y;
        for (var s = 0; s < stars; s++)
        {
            double cx = 8 + g.Uniform() * (width - 16), cy = 8 + g.Uniform() * (height - 16);
            var fwhm = 3.0 + 2 * g.Uniform();
            var alpha = fwhm / (2 * Math.Sqrt(Math.Pow(2, 1 / 3.0) - 1));
            var flux = Math.Pow(10, 3 + 3 * g.Uniform());
            var norm = 2 / (Math.PI * alpha * alpha); // ∫(1+r²/α²)^-3 = πα²/2
            for (var y = (int)cy - 20; y <= (int)cy + 20; y++)
                for (var x = (int)cx - 20; x <= (int)cx + 20; x++)
                {
                    if ((uint)x >= (uint)width || (uint)y >= (uint)height) continue;
                    double dx = x - cx, dy = y - cy;
                    Star[y * width + x] += (float)(flux * norm * Math.Pow(1 + (dx * dx + dy * dy) / (alpha * alpha), -3));
                }
        }
        for (var c = 0; c < cosmicRays; c++)
        {
            double x0 = g.Uniform() * width, y0 = g.Uniform() * height;
            if (c % 2 == 0)
            {
                var length = 2 + 28 * g.Uniform();
                var phi = 2 * Math.PI * g.Uniform();
                var perPixel = 500 + 4000 * g.Uniform();
                var steps = (int)Math.Ceiling(length * 4);
                for (var k = 0; k < steps; k++)
                {
                    var f = (k + 0.5) / steps;
                    Deposit((int)(x0 + f * length * Math.Cos(phi)), (int)(y0 + f * length * Math.Sin(phi)), perPixel / 4);
                }
            }
            else
            {
                var sigma = 0.3 + 0.4 * g.Uniform();
                var total = Math.Pow(10, 2.8 + 1.5 * g.Uniform());
                var sum = 0.0;
                for (var dy = -3; dy <= 3; dy++)
                    for (var dx = -3; dx <= 3; dx++) sum += Spot(dx, dy, x0, y0, sigma);
                for (var dy = -3; dy <= 3; dy++)
                    for (var dx = -3; dx <= 3; dx++)
                        Deposit((int)x0 + dx, (int)y0 + dy, total * Spot(dx, dy, x0, y0, sigma) / sum);
            }
        }
        var data = new float[n];
        Sigma = new float[n];
        for (var i = 0; i < n; i++)
        {
            var signal = sky[i] + Star[i];
            Sigma[i] = MathF.Sqrt(signal + ReadNoise * ReadNoise);
            data[i] = signal + Sigma[i] * (float)g.Next() + CosmicCharge[i];
        }
        Image = new MaskedImage(width, height, data, unit: PixelUnits.Electron);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The frame (electrons), zero variance and mask.</summary>
    public MaskedImage Image { get; }

    /// <summary>Star signal per pixel (electrons, no sky).</summary>
    public float[] Star { get; }

    /// <summary>Cosmic-ray charge per pixel (electrons).</summary>
    public float[] CosmicCharge { get; }

    /// <summary>Noise σ of each pixel without the cosmic ray (electrons).</summary>
    public float[] Sigma { get; }

    private static double Spot(int dx, int dy, double x0, double y0, double sigma)
    {
        var px = (int)x0 + dx + 0.5 - x0;
        var py = (int)y0 + dy + 0.5 - y0;
        return Math.Exp(-(px * px + py * py) / (2 * sigma * sigma));
    }

    private void Deposit(int x, int y, double electrons)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        CosmicCharge[y * Width + x] += (float)electrons;
    }
}
