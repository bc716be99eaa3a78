using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Imaging.Cosmics;

namespace Parallax.Benchmarks;

/// <summary>
/// L.A.Cosmic kernels on a 1024 × 1024 frame: each median filter the detector uses (square 3/5/7,
/// separable 5/7/9) and the whole detection with astroscrappy's defaults on a star field with
/// cosmic rays (sky 800 e-, Gaussian noise, 600 Gaussian stars, 400 single-pixel and 2-pixel hits).
/// </summary>
public class CosmicsBenchmarks
{
    private const int Size = 1024;
    private float[] _input = [];
    private float[] _output = [];
    private float[] _scratch = [];
    private MaskedImage _frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1024);
        _input = new float[Size * Size];
        for (var i = 0; i < _input.Length; i++)
            _input[i] = 800f + 28f * (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2.0) * 1.73f;
        for (var s = 0; s < 600; s++)
        {
            double cx = random.Next(10, Size - 10), cy = random.Next(10, Size - 10), peak = 200 + random.NextDouble() * 20000;
            for (var dy = -8; dy <= 8; dy++)
                for (var dx = -8; dx <= 8; dx++)
                    _input[(int)(cy + dy) * Size + (int)(cx + dx)] += (float)(peak * Math.Exp(-(dx * dx + dy * dy) / (2 * 1.5 * 1.5)));
        }
        for (var c = 0; c < 400; c++)
        {
            var p = random.Next(Size * 4, Size * (Size - 4));
            _input[p] += 2000f;
            if (c % 2 == 0) _input[p + 1] += 1500f;
        }
        _output = new float[_input.Length];
        _scratch = new float[_input.Length];
        _frame = new MaskedImage(Size, Size, _input);
    }

    [Benchmark(Description = "median 3x3, 1024²")]
    public void Square3() => MedianFilter.Square(_input, _output, Size, Size, 3);

    [Benchmark(Description = "median 5x5, 1024²")]
    public void Square5() => MedianFilter.Square(_input, _output, Size, Size, 5);

    [Benchmark(Description = "median 7x7, 1024²")]
    public void Square7() => MedianFilter.Square(_input, _output, Size, Size, 7);

    [Benchmark(Description = "separable median 5, 1024²")]
    public void Separable5() => MedianFilter.Separable(_input, _output, Size, Size, 5, _scratch);

    [Benchmark(Description = "separable median 7, 1024²")]
    public void Separable7() => MedianFilter.Separable(_input, _output, Size, Size, 7, _scratch);

    [Benchmark(Description = "separable median 9, 1024²")]
    public void Separable9() => MedianFilter.Separable(_input, _output, Size, Size, 9, _scratch);

    [Benchmark(Description = "L.A.Cosmic defaults (4 iterations), 1024²")]
    public int Detect() => CosmicRayDetector.Detect(_frame, new CosmicRayParameters { ReadNoise = 5 }).FlaggedPixels;

    [Benchmark(Description = "L.A.Cosmic square medians, 1024²")]
    public int DetectSquare() => CosmicRayDetector.Detect(_frame, new CosmicRayParameters { ReadNoise = 5, SeparableMedian = false }).FlaggedPixels;
}
