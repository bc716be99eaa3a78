using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Imaging.Background;

namespace Parallax.Benchmarks;

/// <summary>SExtractor background of a 2048 × 2048 star field: the box mesh, and the full-resolution map from it.</summary>
public class BackgroundBenchmarks
{
    private MaskedImage _image = null!;
    private BackgroundModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _image = DetectionFrames.Make(2048, 5000).Image;
        _model = BackgroundEstimator.Estimate(_image);
    }

    [Benchmark(Description = "mesh 64x64 boxes + 3x3 filter, 2048^2")]
    public float Estimate() => BackgroundEstimator.Estimate(_image).GlobalLevel;

    [Benchmark(Description = "bicubic level map, 2048^2")]
    public float Map() => _model.LevelImage()[12345];
}
