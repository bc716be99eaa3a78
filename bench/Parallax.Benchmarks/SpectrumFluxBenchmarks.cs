using BenchmarkDotNet.Attributes;
using Parallax.Spectroscopy.Combine;
using Parallax.Spectroscopy.FluxCalibration;
using Parallax.Spectroscopy.Spectra;

namespace Parallax.Benchmarks;

/// <summary>
/// 1-D spectra after extraction: the sensitivity function from a standard (Feige 34's 70-band IRAF table, the Kitt Peak
/// extinction curve, a cubic B-spline in magnitudes with 3σ rejection), flux calibration, flux-conserving resampling and
/// a coadd of ten exposures (resample each onto a common linear grid, per-pixel clipped inverse-variance mean). Spectra
/// have 2048 pixels on the sim-longslit dispersion (3800–7200 Å, curved); the coadd inputs are shifted by fractions of a
/// pixel and carry Gaussian noise. bench/peers/spectrum_flux_timing.py times the same jobs in numpy/scipy.
/// </summary>
public class SpectrumFluxBenchmarks
{
    private const int Pixels = 2048;
    private Spectrum1D _standard = null!;
    private Spectrum1D _science = null!;
    private FluxStandardTable _table = null!;
    private ExtinctionCurve _extinction = null!;
    private SensitivityFunction _sensitivity = null!;
    private List<Spectrum1D> _exposures = [];
    private double[] _grid = [];

    private static double Lambda(double u) { var t = u / (Pixels - 1); return 3800 + 3452 * t - 60 * t * t + 8 * t * t * t; }

    private static double Efficiency(double w) => 0.25 * Math.Exp(-0.5 * Math.Pow((w - 5500) / 2000, 2));

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? Environment.GetEnvironmentVariable("PARALLAX_ROOT") ?? throw new InvalidOperationException("set PARALLAX_ROOT to the repository");
        var data = Path.Combine(root, "instruments", "simulation", "data");
        _table = FluxStandardTable.ReadIraf(Path.Combine(data, "feige34.dat"));
        _extinction = ExtinctionCurve.Read(Path.Combine(data, "kpnoextinct.dat"));
        var random = new Random(5);
        Spectrum1D Make(Func<double, double> flambda, double exptime, double shift, bool noise)
        {
            var w = new double[Pixels];
            var f = new float[Pixels];
            var v = new float[Pixels];
            for (var x = 0; x < Pixels; x++)
            {
                var l = Lambda(x + shift);
                var e = flambda(l) * l / AbMagnitudes.PlanckTimesC * 28000 * Efficiency(l) * Math.Pow(10, -0.4 * _extinction[l] * 1.2) * exptime * (Lambda(x + shift + 0.5) - Lambda(x + shift - 0.5));
                var variance = e + 2000;
                var g = noise ? Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) : 0;
                w[x] = l;
                f[x] = (float)(e + g * Math.Sqrt(variance));
                v[x] = (float)variance;
            }
            return new Spectrum1D(w, f, v, metadata: new SpectrumMetadata { ExposureTime = exptime, Airmass = 1.2 });
        }
        var points = _table.Points;
        double Standard(double l)
        {
            var i = 0;
            while (i < points.Count - 2 && points[i + 1].Wavelength < l) i++;
            var t = (l - points[i].Wavelength) / (points[i + 1].Wavelength - points[i].Wavelength);
            return points[i].Flambda + t * (points[i + 1].Flambda - points[i].Flambda);
        }
        _standard = Make(Standard, 60, 0, true);
        _science = Make(l => 1e-15 * Math.Pow(5500 / l, 2), 600, 0, true);
        _sensitivity = SensitivityBuilder.Build(_standard, _table, _extinction);
        _exposures = [.. Enumerable.Range(0, 10).Select(k => Make(l => 1e-15 * Math.Pow(5500 / l, 2), 600, 0.1 * k, true))];
        _grid = WavelengthGrid.Common(_exposures);
    }

    [Benchmark(Description = "Sensitivity function (Feige 34, B-spline, 2048 px)")]
    public double Sensitivity() => SensitivityBuilder.Build(_standard, _table, _extinction).Rms;

    [Benchmark(Description = "Flux calibration (2048 px)")]
    public float Calibrate() => FluxCalibrator.Calibrate(_science, _sensitivity, _extinction).Flux[1000];

    [Benchmark(Description = "Flux-conserving resample (2048 px)")]
    public float Resample() => SpectrumResampler.Resample(_exposures[3], _grid).Flux[1000];

    [Benchmark(Description = "Coadd of 10 × 2048 px (resample + clipped mean)")]
    public float Coadd() => SpectrumCoadder.Coadd(_exposures, new CoaddOptions { Grid = _grid, Scale = false }).Spectrum.Flux[1000];
}
