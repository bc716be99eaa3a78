using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Parallax.Fits.Images;

namespace Parallax.Benchmarks;

/// <summary>Big-endian stored pixels to float32 and back, per 4 Mpixel (one 2k×2k frame).</summary>
[MemoryDiagnoser]
public class PixelConversionBenchmarks
{
    private const int N = 2048 * 2048;
    private byte[] _be16 = [];
    private byte[] _scratch16 = [];
    private byte[] _be32 = [];
    private byte[] _scratch32 = [];
    private float[] _floats = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _be16 = new byte[N * 2];
        for (var i = 0; i < N; i++) BinaryPrimitives.WriteInt16BigEndian(_be16.AsSpan(2 * i), (short)rng.Next(short.MinValue, short.MaxValue));
        _scratch16 = new byte[N * 2];
        _be32 = new byte[N * 4];
        for (var i = 0; i < N; i++) BinaryPrimitives.WriteSingleBigEndian(_be32.AsSpan(4 * i), (float)rng.NextDouble());
        _scratch32 = new byte[N * 4];
        _floats = new float[N];
    }

    [Benchmark(Description = "uint16+BZERO -> float32 (4 Mpix)")]
    public float UInt16ToFloat()
    {
        _be16.CopyTo(_scratch16, 0);
        PixelDecoder.ToFloat32(_scratch16, new PixelScaling(16, 1, 32768, null), _floats);
        return _floats[N - 1];
    }

    [Benchmark(Description = "int16 scaled + BLANK -> float32 (4 Mpix)")]
    public float ScaledInt16ToFloat()
    {
        _be16.CopyTo(_scratch16, 0);
        PixelDecoder.ToFloat32(_scratch16, new PixelScaling(16, 0.5, 100, -32768), _floats);
        return _floats[N - 1];
    }

    [Benchmark(Description = "float32 BE -> float32 (4 Mpix)")]
    public float Float32Decode()
    {
        _be32.CopyTo(_scratch32, 0);
        PixelDecoder.ToFloat32(_scratch32, new PixelScaling(-32, 1, 0, null), _floats);
        return _floats[N - 1];
    }

    [Benchmark(Description = "float32 -> BE bytes (4 Mpix)")]
    public byte Float32Encode()
    {
        PixelEncoder.Encode(_floats, ImageEncoding.Float32, _scratch32);
        return _scratch32[7];
    }

    [Benchmark(Description = "float32 -> uint16 BE (4 Mpix)")]
    public byte UInt16Encode()
    {
        PixelEncoder.Encode(_floats, ImageEncoding.UInt16, _scratch16);
        return _scratch16[7];
    }
}
