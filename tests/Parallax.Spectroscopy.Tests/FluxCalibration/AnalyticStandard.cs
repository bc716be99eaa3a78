using Parallax.Spectroscopy.FluxCalibration;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Spectroscopy.Tests.FluxCalibration;

/// <summary>
/// An analytic standard: pixels every 2 Å from 4000 to 7000 Å (edges at odd Å), a sensitivity
/// S(λ) = 1e15 exp(−½((λ − 5500)/1200)²) electrons per erg cm⁻² (a parabola in magnitudes), a star with
/// f_λ = 1e-13 (5000/λ)², extinction k = 0.3 → 0.1 mag/airmass linearly from 4000 to 7000 Å, airmass 1.5, 100 s; the
/// electrons per pixel are S f_λ 10^(−0.4 k X) × 100 s × 2 Å. Flux bands every 50 Å from 3901 to 7101 Å, 20 Å wide
/// (ten whole pixels each).
/// </summary>
internal static class AnalyticStandard
{
    public const double Exptime = 100;
    public const double Airmass = 1.5;

    public static double Sensitivity(double w) => 1e15 * Math.Exp(-0.5 * Math.Pow((w - 5500) / 1200, 2));

    public static double Flambda(double w) => 1e-13 * Math.Pow(5000 / w, 2);

    public static ExtinctionCurve Extinction { get; } = new([(4000, 0.3), (7000, 0.1)]);

    public static double Electrons(double w) => Sensitivity(w) * Flambda(w) * Math.Pow(10, -0.4 * Extinction[w] * Airmass) * Exptime * 2;

    public static FluxStandardTable Table(double bandpass = 20)
        => new("analytic", Enumerable.Range(0, 65).Select(j => 3901.0 + 50 * j).Select(w => new FluxStandardPoint(w, Flambda(w), bandpass)));

    /// <summary>The standard's spectrum; <paramref name="relativeSigma"/> sets a variance (σ = that × flux) without adding noise.</summary>
    public static Spectrum1D Spectrum(double relativeSigma = 0, Func<double, double>? distort = null)
    {
        var w = Enumerable.Range(0, 1501).Select(i => 4000.0 + 2 * i).ToArray();
        var f = w.Select(x => (float)(Electrons(x) * (distort?.Invoke(x) ?? 1))).ToArray();
        var v = f.Select(x => (float)Math.Pow(relativeSigma * x, 2)).ToArray();
        return new Spectrum1D(w, f, v, metadata: new SpectrumMetadata { Object = "analytic", ExposureTime = Exptime, Airmass = Airmass });
    }
}
