using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Imaging.Coadd;

namespace Parallax.Benchmarks;

/// <summary>
/// The coadd's combination kernel: one 2048-pixel output row from a stack of resampled frames (values, variances, masks, frame
/// weights and exposures gathered per pixel as the band loop does), with and without clipping. A cosmic ray sits in one frame
/// every 97 pixels so that the clipping has something to do.
/// </summary>
public class CoaddCombineBenchmarks
{
    private const int Width = 2048;
    private float[][] _values = [];
    private float[][] _variances = [];
    private CoaddPixelCombiner _combiner = null!;

    [Params(5, 20)]
    public int Frames { get; set; }

    [Params(0.0, 3.0)]
    public double ClipSigma { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _values = new float[Frames][];
        _variances = new float[Frames][];
        for (var f = 0; f < Frames; f++)
        {
            _values[f] = new float[Width];
            _variances[f] = new float[Width];
            for (var x = 0; x < Width; x++)
            {
                _values[f][x] = 10f + (float)(random.NextDouble() - 0.5) * 6f + (x % 97 == f ? 500f : 0f);
                _variances[f][x] = 4f;
            }
        }
        _combiner = new CoaddPixelCombiner(Frames, ClipSigma, 0.3, 5, MaskBits.Unusable);
    }

    [Benchmark(Description = "combine one 2048-pixel coadd row")]
    public float CombineRow()
    {
        var c = _combiner;
        float sum = 0;
        for (var x = 0; x < Width; x++)
        {
            for (var f = 0; f < Frames; f++)
            {
                c.Values[f] = _values[f][x];
                c.Variances[f] = _variances[f][x];
                c.Masks[f] = 0;
                c.Weights[f] = 0.25f;
                c.Exposures[f] = 60f;
                c.Sky[f] = 0f;
            }
            sum += c.Combine(Frames).Value;
        }
        return sum;
    }
}
