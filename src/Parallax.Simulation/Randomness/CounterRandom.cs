using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Parallax.Simulation.Randomness;

/// <summary>
/// Counter-based random numbers: draw <c>i</c> of the stream named by <c>key</c> is a pure function of
/// (key, i), so any frame, row or pixel can be generated on any thread in any order and the bytes are the
/// same. A key is derived from the run's seed and the names of what is drawn (frame index, purpose, row)
/// with SplitMix64; a draw is two rounds of the MurmurHash3 32-bit finaliser keyed by the two halves of the
/// key, evaluated eight lanes at a time.
/// </summary>
/// <remarks>
/// Streams are meant to be short (one row, one list of events): a key addresses 2^32 draws. Normal
/// deviates come from the Box–Muller transform over whole spans (logarithm, square root, sine and cosine
/// vectorised by <see cref="TensorPrimitives"/>); on one machine and runtime the results are bit-identical,
/// across CPUs with different vector widths the last bit of a transcendental may differ.
/// </remarks>
internal static class CounterRandom
{
    private const float TwoPi = 6.28318530717958647692f;
    private const float UnitScale = 1.0f / 16777216.0f;

    /// <summary>Derives a stream key from a seed and up to three labels (SplitMix64 chain).</summary>
    public static ulong Key(ulong seed, ulong a, ulong b = 0, ulong c = 0)
        => Mix64(Mix64(Mix64(Mix64(seed) ^ a) ^ (b * 0x9E3779B97F4A7C15UL)) ^ (c * 0xD1B54A32D192ED03UL));

    /// <summary>A stable 64-bit label for a purpose name (FNV-1a), so keys read as words in the code.</summary>
    public static ulong Label(string purpose)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in purpose) { h ^= ch; h *= 0x100000001B3UL; }
        return h;
    }

    /// <summary>SplitMix64 finaliser.</summary>
    public static ulong Mix64(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>32 random bits: draw <paramref name="counter"/> of stream <paramref name="key"/>.</summary>
    public static uint Bits(ulong key, uint counter) => Fmix(Fmix(counter + (uint)key) ^ (uint)(key >> 32));

    /// <summary>A uniform deviate in the open interval (0, 1), 24 bits of resolution.</summary>
    public static float Uniform(ulong key, uint counter) => ((Bits(key, counter) >> 8) + 0.5f) * UnitScale;

    /// <summary>A uniform deviate in (0, 1) with 53 bits, from draws 2c and 2c+1.</summary>
    public static double UniformDouble(ulong key, uint counter)
    {
        var hi = (ulong)(Bits(key, 2 * counter) >> 5);
        var lo = (ulong)(Bits(key, 2 * counter + 1) >> 6);
        return ((hi << 26 | lo) + 0.5) * (1.0 / 9007199254740992.0);
    }

    /// <summary>Fills <paramref name="destination"/> with uniform (0, 1) deviates, draws start, start+1, ...</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void FillUniform(ulong key, uint start, Span<float> destination)
    {
        var k0 = (uint)key;
        var k1 = (uint)(key >> 32);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && destination.Length >= Vector256<float>.Count)
        {
            var lanes = Vector256.Create(0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u) + Vector256.Create(start + k0);
            var step = Vector256.Create((uint)Vector256<float>.Count);
            var vk1 = Vector256.Create(k1);
            var half = Vector256.Create(0.5f);
            var scale = Vector256.Create(UnitScale);
            for (; i <= destination.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var h = Fmix(Fmix(lanes) ^ vk1);
                var f = Vector256.ConvertToSingle((h >>> 8).AsInt32());
                ((f + half) * scale).CopyTo(destination[i..]);
                lanes += step;
            }
        }
        for (; i < destination.Length; i++) destination[i] = ((Fmix(Fmix(start + (uint)i + k0) ^ k1) >> 8) + 0.5f) * UnitScale;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal deviates (Box–Muller over the span).
    /// Uses draws start .. start + 2·ceil(n/2) − 1 of the stream. <paramref name="scratch"/> must hold at
    /// least 3·ceil(n/2) floats.
    /// </summary>
    public static void FillNormal(ulong key, uint start, Span<float> destination, Span<float> scratch)
    {
        var n = destination.Length;
        if (n == 0) return;
        var m = (n + 1) / 2;
        if (scratch.Length < 3 * m) throw new ArgumentException($"scratch holds {scratch.Length} floats, {3 * m} needed", nameof(scratch));
        var radius = scratch[..m];
        var angle = scratch.Slice(m, m);
        var sine = scratch.Slice(2 * m, m);
        FillUniform(key, start, radius);
        FillUniform(key, start + (uint)m, angle);
        TensorPrimitives.Log(radius, radius);
        TensorPrimitives.Multiply(radius, -2f, radius);
        TensorPrimitives.Sqrt(radius, radius);
        TensorPrimitives.Multiply(angle, TwoPi, angle);
        TensorPrimitives.Sin(angle, sine);
        TensorPrimitives.Cos(angle, angle);
        TensorPrimitives.Multiply(radius, angle, destination[..m]);
        TensorPrimitives.Multiply(radius[..(n - m)], sine[..(n - m)], destination[m..]);
    }

    /// <summary>One standard normal deviate from draws 2c and 2c+1 (scalar Box–Muller).</summary>
    public static double Normal(ulong key, uint counter)
    {
        var u1 = UniformDouble(key, 2 * counter);
        var u2 = UniformDouble(key, 2 * counter + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static uint Fmix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        return h ^ (h >> 16);
    }

    private static Vector256<uint> Fmix(Vector256<uint> h)
    {
        h ^= h >>> 16;
        h *= Vector256.Create(0x85EBCA6Bu);
        h ^= h >>> 13;
        h *= Vector256.Create(0xC2B2AE35u);
        return h ^ (h >>> 16);
    }
}
