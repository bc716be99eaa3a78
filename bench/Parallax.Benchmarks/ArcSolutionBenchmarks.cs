using BenchmarkDotNet.Attributes;
using Parallax.Spectroscopy.Arcs;

namespace Parallax.Benchmarks;

/// <summary>
/// One arc, from extracted spectrum to wavelength solution: line detection (continuum, peaks, Gaussian fits), automatic
/// identification against the He-Ne-Ar list (triangle votes), and the Legendre solution with rejection. The spectrum is
/// built here: 2048 columns, the simulator's sim-longslit dispersion (3800–7200 Å, curved), every list line a Gaussian of
/// FWHM 2.6 px with a fixed pseudo-random strength, Gaussian noise of Poisson size plus read noise.
/// </summary>
public class ArcSolutionBenchmarks
{
    private ArcSpectrum _spectrum = null!;
    private LineList _list = null!;
    private IReadOnlyList<ArcLine> _lines = [];
    private readonly WavelengthPrior _prior = new(5500, 3400.0 / 2047, 100, 0.1);

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? Environment.GetEnvironmentVariable("PARALLAX_ROOT") ?? throw new InvalidOperationException("set PARALLAX_ROOT to the repository");
        _list = LineList.Read(Path.Combine(root, "instruments", "simulation", "data", "henear.dat"));
        const int n = 2048;
        static double Lambda(double u) { var t = u / 2047; return 3800 + 3452 * t - 60 * t * t + 8 * t * t * t; }
        var flux = new double[n];
        var random = new Random(11);
        foreach (var line in _list.Entries)
        {
            // Column of the line by bisection on the monotonic dispersion.
            double lo = -50, hi = n + 50;
            if (line.Wavelength < Lambda(lo) || line.Wavelength > Lambda(hi)) continue;
            for (var k = 0; k < 60; k++) { var mid = (lo + hi) / 2; if (Lambda(mid) < line.Wavelength) lo = mid; else hi = mid; }
            var amplitude = 10000 * Math.Pow(10, -2 * random.NextDouble());
            for (var x = Math.Max(0, (int)lo - 8); x <= Math.Min(n - 1, (int)lo + 8); x++)
                flux[x] += amplitude * Math.Exp(-0.5 * Math.Pow((x - lo) / 1.104, 2));
        }
        var f = new float[n];
        var v = new float[n];
        for (var x = 0; x < n; x++)
        {
            var variance = flux[x] / 1.2 + 9;
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            f[x] = (float)(flux[x] + Math.Sqrt(variance) * g);
            v[x] = (float)variance;
        }
        _spectrum = new ArcSpectrum(f, v);
        _lines = ArcLineFinder.Find(_spectrum);
    }

    [Benchmark(Description = "Line detection (2048 px)")]
    public int Detect() => ArcLineFinder.Find(_spectrum).Count;

    [Benchmark(Description = "Identification + solution")]
    public double Identify() => ArcIdentifier.Solve(_lines, _list, _prior, _spectrum.Length).RmsPixels;

    [Benchmark(Description = "Detection + identification + solution")]
    public double All() => ArcIdentifier.Solve(ArcLineFinder.Find(_spectrum), _list, _prior, _spectrum.Length).RmsPixels;
}
