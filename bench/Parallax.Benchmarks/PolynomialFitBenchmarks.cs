using BenchmarkDotNet.Attributes;
using Parallax.Imaging.Fitting;

namespace Parallax.Benchmarks;

/// <summary>1-D fits of 4096 points (an overscan or a spectrum profile): Legendre by QR, with and without rejection, and a cubic B-spline.</summary>
[MemoryDiagnoser]
public class PolynomialFitBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4);
        _x = Enumerable.Range(0, 4096).Select(i => (double)i).ToArray();
        _y = _x.Select(v => 1000 + 0.01 * v + 3 * Math.Sin(v / 500) + (random.NextDouble() - 0.5) * 4 + (random.Next(200) == 0 ? 50 : 0)).ToArray();
    }

    [Benchmark(Description = "Legendre order 5, 4096 points")]
    public double Legendre() => PolynomialFitter.Fit(_x, _y, new PolynomialFitOptions { Order = 5 }).Rms;

    [Benchmark(Description = "Legendre order 5, 4096 points, 3σ rejection")]
    public double LegendreRejecting() => PolynomialFitter.Fit(_x, _y, new PolynomialFitOptions { Order = 5, Rejection = RejectionOptions.Default }).Rms;

    [Benchmark(Description = "cubic B-spline every 64 points, 4096 points")]
    public double Spline() => BSplineFitter.Fit(_x, _y, new BSplineFitOptions { BreakpointSpacing = 64 }).Rms;
}
