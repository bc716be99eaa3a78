using BenchmarkDotNet.Attributes;
using Parallax.Fits.Coordinates;
using Parallax.Imaging;
using Parallax.Imaging.Resampling;

namespace Parallax.Benchmarks;

/// <summary>
/// Resampling a 2048 × 2048 frame onto a grid shifted by a fraction of a pixel and rotated by 0.3° (a dithered
/// exposure onto a common grid), per kernel; and the mapping alone (exact transforms on the coarse grid).
/// </summary>
public class ResamplingBenchmarks
{
    private MaskedImage _input = null!;
    private TargetGrid _grid = null!;

    [Params(InterpolationKernel.Bilinear, InterpolationKernel.Bicubic, InterpolationKernel.Lanczos3)]
    public InterpolationKernel Kernel { get; set; }

    /// <summary>With a VAR plane (carried as Σw²σ²), or a raw frame with none (the data-only inner loop).</summary>
    [Params(false, true)]
    public bool WithVariance { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int n = 2048;
        var random = new Random(3);
        _input = new MaskedImage(n, n) { Wcs = Wcs.CreateTan(150, 2.2, 1024.5, 1024.5, 0.4 / 3600) };
        for (var i = 0; i < _input.PixelCount; i++)
        {
            _input.Data[i] = 500f + (float)(10 * random.NextDouble());
            _input.Variance[i] = WithVariance ? 10f : 0f;
        }
        _grid = new TargetGrid(n, n, Wcs.CreateTan(150, 2.2, 1030.27, 1019.61, 0.4 / 3600, 0.3));
    }

    [Benchmark(Description = "resample 2048² frame")]
    public float Resample() => Resampler.Resample(_input, _grid, new ResampleParameters { Kernel = Kernel }).Image.Data[1000];
}
