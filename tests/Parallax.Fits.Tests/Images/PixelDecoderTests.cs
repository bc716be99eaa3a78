using System.Buffers.Binary;
using Parallax.Fits.Images;

namespace Parallax.Fits.Tests.Images;

/// <summary>Every length 0..256 so each vector width's scalar tail is exercised, against a plain scalar reference.</summary>
public class PixelDecoderTests
{
    public static IEnumerable<object[]> Lengths() => Enumerable.Range(0, 257).Where(n => n < 40 || n % 7 == 0 || n > 250).Select(n => new object[] { n });

    private static byte[] BigEndian16(short[] v)
    {
        var b = new byte[v.Length * 2];
        for (var i = 0; i < v.Length; i++) BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(2 * i), v[i]);
        return b;
    }

    public class ToFloat32
    {
        [Theory]
        [MemberData(nameof(Lengths), MemberType = typeof(PixelDecoderTests))]
        public void Given_uint16_with_BZERO_When_decoded_Then_equals_scalar_reference(int n)
        {
            var rng = new Random(n);
            var stored = Enumerable.Range(0, n).Select(_ => (short)rng.Next(short.MinValue, short.MaxValue + 1)).ToArray();
            var dst = new float[n];
            PixelDecoder.ToFloat32(BigEndian16(stored), new PixelScaling(16, 1, 32768, null), dst);
            Assert.Equal(stored.Select(s => (float)(s + 32768)), dst);
        }

        [Theory]
        [MemberData(nameof(Lengths), MemberType = typeof(PixelDecoderTests))]
        public void Given_scaled_int16_with_BLANK_When_decoded_Then_equals_scalar_reference(int n)
        {
            var rng = new Random(1000 + n);
            var stored = Enumerable.Range(0, n).Select(_ => (short)rng.Next(-100, 100)).ToArray();
            var dst = new float[n];
            PixelDecoder.ToFloat32(BigEndian16(stored), new PixelScaling(16, 0.5, 10, -100), dst);
            Assert.Equal(stored.Select(s => s == -100 ? float.NaN : (float)(s * 0.5 + 10.0)), dst);
        }

        [Theory]
        [MemberData(nameof(Lengths), MemberType = typeof(PixelDecoderTests))]
        public void Given_plain_int16_When_decoded_Then_equals_scalar_reference(int n)
        {
            var rng = new Random(2000 + n);
            var stored = Enumerable.Range(0, n).Select(_ => (short)rng.Next(short.MinValue, short.MaxValue + 1)).ToArray();
            var dst = new float[n];
            PixelDecoder.ToFloat32(BigEndian16(stored), new PixelScaling(16, 1, 0, null), dst);
            Assert.Equal(stored.Select(s => (float)s), dst);
        }

        [Theory]
        [MemberData(nameof(Lengths), MemberType = typeof(PixelDecoderTests))]
        public void Given_uint32_and_float64_When_decoded_Then_equal_scalar_reference(int n)
        {
            var rng = new Random(3000 + n);
            var u = Enumerable.Range(0, n).Select(_ => (uint)rng.NextInt64(0, uint.MaxValue + 1L)).ToArray();
            var b32 = new byte[n * 4];
            for (var i = 0; i < n; i++) BinaryPrimitives.WriteInt32BigEndian(b32.AsSpan(4 * i), (int)(u[i] ^ 0x8000_0000u));
            var dst = new float[n];
            PixelDecoder.ToFloat32(b32, new PixelScaling(32, 1, 2147483648.0, null), dst);
            Assert.Equal(u.Select(v => (float)v), dst);

            var d = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 1e6 - 5e5).ToArray();
            var b64 = new byte[n * 8];
            for (var i = 0; i < n; i++) BinaryPrimitives.WriteDoubleBigEndian(b64.AsSpan(8 * i), d[i]);
            PixelDecoder.ToFloat32(b64, new PixelScaling(-64, 1, 0, null), dst);
            Assert.Equal(d.Select(v => (float)v), dst);
        }
    }
}
