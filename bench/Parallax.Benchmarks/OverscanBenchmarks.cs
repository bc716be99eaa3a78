using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Imaging.Detector;

namespace Parallax.Benchmarks;

/// <summary>
/// Overscan correction and trimming of a 4096 × 4096 data area (raw 4160 × 4096 with 64 overscan columns):
/// the whole <see cref="DetectorCorrector"/> pass (row statistic, smoothing, subtraction, trim, gain and variance).
/// </summary>
[MemoryDiagnoser]
public class OverscanBenchmarks
{
    private MaskedImage _raw = null!;
    private DetectorGeometry _geometry = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int width = 4160, height = 4096;
        var random = new Random(5);
        var data = new float[width * height];
        for (var i = 0; i < data.Length; i++) data[i] = 1000 + (float)(random.NextDouble() * 8);
        _raw = new MaskedImage(width, height, data);
        _geometry = new DetectorGeometry([new AmplifierGeometry
        {
            DataSection = ImageSection.Parse("[1:4096,1:4096]"),
            BiasSection = ImageSection.Parse("[4097:4160,1:4096]"),
            Gain = 1.5,
            ReadNoise = 4,
            SaturationAdu = 65535,
        }]);
    }

    [Benchmark(Description = "median per row, subtract, trim (ADU)")]
    public int MedianTrim() => DetectorCorrector.Correct(_raw, _geometry, new DetectorCorrectionOptions { ToElectrons = false, FlagSaturation = false, Overscan = new OverscanOptions { Statistic = OverscanStatistic.Median } }).Image.Width;

    [Benchmark(Description = "median per row, Legendre 3, subtract, trim, electrons + variance + saturation")]
    public int FullCorrection() => DetectorCorrector.Correct(_raw, _geometry, new DetectorCorrectionOptions { Overscan = new OverscanOptions { Statistic = OverscanStatistic.Median, Smoothing = OverscanSmoothing.Legendre } }).Image.Width;
}
