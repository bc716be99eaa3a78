using BenchmarkDotNet.Attributes;
using Parallax.Imaging.Resampling;

namespace Parallax.Benchmarks;

/// <summary>One-dimensional kernel weights for 4096 positions (a row), per kernel.</summary>
public class InterpolationKernelBenchmarks
{
    private readonly double[] _weights = new double[InterpolationKernels.MaxTaps];

    [Params(InterpolationKernel.Bilinear, InterpolationKernel.Bicubic, InterpolationKernel.Lanczos3)]
    public InterpolationKernel Kernel { get; set; }

    [Benchmark(Description = "weights × 4096")]
    public double Weights()
    {
        var acc = 0.0;
        for (var i = 0; i < 4096; i++)
        {
            InterpolationKernels.Weights(Kernel, 10 + i * 0.001237, _weights);
            acc += _weights[1];
        }
        return acc;
    }
}
