using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Imaging.Photometry;

namespace Parallax.Benchmarks;

/// <summary>Exact circular apertures (r = 5 px) at 5000 positions, without and with a sky annulus (8–12 px).</summary>
public class AperturePhotometryBenchmarks
{
    private MaskedImage _image = null!;
    private List<(double X, double Y)> _positions = [];
    private readonly ApertureParameters _plain = new() { Radius = 5 };
    private readonly ApertureParameters _annulus = new() { Radius = 5, AnnulusInner = 8, AnnulusOuter = 12 };

    [GlobalSetup]
    public void Setup() => (_image, _positions) = DetectionFrames.Make(2048, 5000);

    [Benchmark(Description = "5000 apertures r=5, exact overlap")]
    public double Apertures() => AperturePhotometry.Measure(_image, _positions, _plain)[0].Flux;

    [Benchmark(Description = "5000 apertures r=5 + annulus 8-12")]
    public double AperturesWithSky() => AperturePhotometry.Measure(_image, _positions, _annulus)[0].Flux;
}
