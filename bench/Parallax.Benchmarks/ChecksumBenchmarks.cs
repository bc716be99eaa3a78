using BenchmarkDotNet.Attributes;
using Parallax.Fits.Checksums;

namespace Parallax.Benchmarks;

/// <summary>The FITS ones'-complement checksum over 16 MB.</summary>
public class ChecksumBenchmarks
{
    private byte[] _data = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[16 << 20];
        new Random(2).NextBytes(_data);
    }

    [Benchmark(Description = "DATASUM of 16 MB")]
    public uint Sum() => FitsChecksum.Sum(_data);
}
