using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Reports.QuickLook;

namespace Parallax.Benchmarks;

/// <summary>A quick-look of a 4096 × 4096 frame (sky noise, a gradient, 1% masked pixels): block average to 1024², zscale, stretch, PNG.</summary>
[MemoryDiagnoser]
public class QuickLookBenchmarks
{
    private MaskedImage _image = null!;
    private QuickLookImage _look = null!;

    [GlobalSetup]
    public void Setup()
    {
        _image = new MaskedImage(4096, 4096);
        var rng = new Random(5);
        for (var i = 0; i < _image.Data.Length; i++)
        {
            _image.Data[i] = 1000 + (i % 4096) * 0.01f + (float)(rng.NextDouble() * 40);
            if (rng.Next(100) == 0) _image.Mask[i] = (ushort)MaskBits.CosmicRay;
        }
        _look = QuickLookRenderer.Render(_image);
    }

    [Benchmark(Description = "4096² frame to quick-look PNG (zscale, 1024²)")]
    public byte[] RenderPng() => QuickLookRenderer.RenderPng(_image);

    [Benchmark(Description = "4096² frame to 1024² pixels (no PNG)")]
    public QuickLookImage Render() => QuickLookRenderer.Render(_image);

    [Benchmark(Description = "1024² quick-look PNG encoding only")]
    public byte[] Encode() => _look.EncodePng();
}
