using MathNet.Numerics;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Sources;

/// <summary>A frame of pixel-integrated Gaussian stars at known positions and fluxes on a sky with Gaussian noise of known σ.</summary>
public sealed class StarField
{
    /// <summary>The injected stars (zero-based x, y; total flux).</summary>
    public List<(double X, double Y, double Flux)> Stars { get; } = [];

    /// <summary>The frame; Variance holds σ² everywhere.</summary>
    public required MaskedImage Image { get; init; }

    /// <summary>PSF σ in pixels.</summary>
    public required double PsfSigma { get; init; }

    /// <summary>Noise σ per pixel.</summary>
    public required double Noise { get; init; }

    /// <summary>
    /// Stars on a jittered grid (spacing <paramref name="spacing"/> px, so none blend) with fluxes
    /// log-uniform in [fluxMin, fluxMax], on a sky of 100 + 0.02·x + 0.01·y.
    /// </summary>
    public static StarField Make(int size, int spacing, double fluxMin, double fluxMax, double fwhm, double noise, int seed)
    {
        var g = new Gaussian(seed);
        var img = new MaskedImage(size, size);
        var field = new StarField { Image = img, PsfSigma = fwhm / 2.3548200450309493, Noise = noise };
        for (var y = spacing / 2.0; y < size - spacing / 2.0; y += spacing)
            for (var x = spacing / 2.0; x < size - spacing / 2.0; x += spacing)
                field.Stars.Add((x + (g.Uniform() - 0.5) * spacing * 0.4, y + (g.Uniform() - 0.5) * spacing * 0.4, fluxMin * Math.Pow(fluxMax / fluxMin, g.Uniform())));
        var s = field.PsfSigma * Math.Sqrt(2);
        foreach (var (sx, sy, f) in field.Stars)
        {
            var r = (int)Math.Ceiling(6 * field.PsfSigma);
            for (var y = Math.Max(0, (int)sy - r); y <= Math.Min(size - 1, (int)sy + r); y++)
            {
                var fy = 0.5 * (SpecialFunctions.Erf((y + 0.5 - sy) / s) - SpecialFunctions.Erf((y - 0.5 - sy) / s));
                for (var x = Math.Max(0, (int)sx - r); x <= Math.Min(size - 1, (int)sx + r); x++)
                {
                    var fx = 0.5 * (SpecialFunctions.Erf((x + 0.5 - sx) / s) - SpecialFunctions.Erf((x - 0.5 - sx) / s));
                    img.Data[y * size + x] += (float)(f * fx * fy);
                }
            }
        }
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                img.Data[y * size + x] += (float)(100 + 0.02 * x + 0.01 * y + noise * g.Next());
        Array.Fill(img.Variance, (float)(noise * noise));
        return field;
    }

    /// <summary>Peak S/N of a star with optimal (PSF-weighted) photometry: F / (σ·√(4πσ_psf²)).</summary>
    public double OptimalSnr(double flux) => flux / (Noise * Math.Sqrt(4 * Math.PI * PsfSigma * PsfSigma));
}
