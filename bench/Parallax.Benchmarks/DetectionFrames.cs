using Parallax.Imaging;

namespace Parallax.Benchmarks;

/// <summary>A seeded star field (Gaussian stars of FWHM 3 px on sky 1000 ± 10) shared by the detection suites.</summary>
internal static class DetectionFrames
{
    public static (MaskedImage Image, List<(double X, double Y)> Stars) Make(int size, int stars)
    {
        var rng = new Random(7);
        var img = new MaskedImage(size, size);
        for (var i = 0; i < img.PixelCount; i++)
        {
            // Sum of 4 uniforms: a cheap, near-Gaussian noise of σ ≈ 10.
            img.Data[i] = (float)(1000 + 17.32 * (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 2));
        }
        var positions = new List<(double, double)>();
        const double s2 = 2 * 1.274 * 1.274;
        for (var k = 0; k < stars; k++)
        {
            double x = 8 + rng.NextDouble() * (size - 16), y = 8 + rng.NextDouble() * (size - 16), f = Math.Pow(10, 2.5 + 3 * rng.NextDouble());
            positions.Add((x, y));
            for (var py = (int)y - 7; py <= (int)y + 7; py++)
                for (var px = (int)x - 7; px <= (int)x + 7; px++)
                    img.Data[py * size + px] += (float)(f / (Math.PI * s2) * Math.Exp(-((px - x) * (px - x) + (py - y) * (py - y)) / s2));
        }
        return (img, positions);
    }
}
