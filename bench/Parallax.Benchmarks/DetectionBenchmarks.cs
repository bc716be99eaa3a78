using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Imaging.Background;
using Parallax.Imaging.Sources;

namespace Parallax.Benchmarks;

/// <summary>Detection on a 2048 × 2048 field of 5000 stars: the 3 × 3 filter alone, and filter + labelling + deblending + measurement.</summary>
public class DetectionBenchmarks
{
    private MaskedImage _image = null!;
    private BackgroundModel _background = null!;
    private float[] _output = [];

    [GlobalSetup]
    public void Setup()
    {
        _image = DetectionFrames.Make(2048, 5000).Image;
        _background = BackgroundEstimator.Estimate(_image);
        _output = new float[_image.PixelCount];
    }

    [Benchmark(Description = "3x3 convolution, 2048^2")]
    public float Convolve()
    {
        ImageConvolution.Convolve(_image.Data, _output, _image.Width, _image.Height, ConvolutionKernel.Default);
        return _output[4096];
    }

    [Benchmark(Description = "detect (filter, label, deblend, measure), 2048^2")]
    public int Detect() => SourceDetector.Detect(_image, _background).Count;
}
