using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Parallax.Imaging.Combine;

namespace Parallax.Imaging.Cosmics;

/// <summary>
/// A selection network for the median of n values (n odd): the comparators of a Batcher sorting
/// network that the middle output depends on, each reduced to the min or max half it needs. It runs
/// on a block of <see cref="BlockWidth"/> windows at once, laid out as n rows of BlockWidth values
/// (row k holds the k-th window element of every window), so each comparator is a short vector loop
/// and the cost of reading the comparator list is spread over the whole block.
/// </summary>
internal sealed class MedianNetwork
{
    /// <summary>Windows processed per block; a multiple of every vector width.</summary>
    public const int BlockWidth = 64;

    private static readonly ConcurrentDictionary<int, MedianNetwork> Cache = new();

    private readonly Op[] _ops;

    private MedianNetwork(int size, Op[] ops)
    {
        Size = size;
        _ops = ops;
    }

    /// <summary>Number of inputs.</summary>
    public int Size { get; }

    /// <summary>Row of the block that holds the median after <see cref="Run"/>.</summary>
    public int MedianRow => Size / 2;

    /// <summary>Comparators kept after pruning (for tests and benchmarks).</summary>
    public int OperationCount => _ops.Length;

    /// <summary>The network for <paramref name="size"/> inputs (odd, 1..<see cref="SortingNetwork.MaxSize"/>), cached.</summary>
    public static MedianNetwork For(int size)
    {
        if (size < 1 || size > SortingNetwork.MaxSize || size % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(size), $"a median network needs an odd size 1..{SortingNetwork.MaxSize}, not {size}");
        return Cache.GetOrAdd(size, Build);
    }

    /// <summary>Puts the median of each column of the Size × BlockWidth block into row <see cref="MedianRow"/>; other rows are left in no useful order.</summary>
    public void Run(Span<float> block)
    {
        if (block.Length < Size * BlockWidth) throw new ArgumentException("block is smaller than Size × BlockWidth", nameof(block));
        ref var origin = ref MemoryMarshal.GetReference(block);
        foreach (var op in _ops)
        {
            ref var a = ref Unsafe.Add(ref origin, op.Low * BlockWidth);
            ref var b = ref Unsafe.Add(ref origin, op.High * BlockWidth);
            switch (op.Kind)
            {
                case Kind.Both: MinMax(ref a, ref b); break;
                case Kind.MinOnly: MinInto(ref a, ref b); break;
                default: MaxInto(ref a, ref b); break;
            }
        }
    }

    /// <summary>The median of <paramref name="values"/> (Size of them) by the same comparators, one window; reorders the span.</summary>
    public float RunScalar(Span<float> values)
    {
        foreach (var op in _ops)
        {
            float x = values[op.Low], y = values[op.High];
            if (op.Kind != Kind.MaxOnly) values[op.Low] = MathF.Min(x, y);
            if (op.Kind != Kind.MinOnly) values[op.High] = MathF.Max(x, y);
        }
        return values[MedianRow];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MinMax(ref float a, ref float b)
    {
        for (var i = 0; i < BlockWidth; i += Vector<float>.Count)
        {
            var x = Vector.LoadUnsafe(ref a, (nuint)i);
            var y = Vector.LoadUnsafe(ref b, (nuint)i);
            Vector.Min(x, y).StoreUnsafe(ref a, (nuint)i);
            Vector.Max(x, y).StoreUnsafe(ref b, (nuint)i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MinInto(ref float a, ref float b)
    {
        for (var i = 0; i < BlockWidth; i += Vector<float>.Count)
            Vector.Min(Vector.LoadUnsafe(ref a, (nuint)i), Vector.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref a, (nuint)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MaxInto(ref float a, ref float b)
    {
        for (var i = 0; i < BlockWidth; i += Vector<float>.Count)
            Vector.Max(Vector.LoadUnsafe(ref a, (nuint)i), Vector.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref b, (nuint)i);
    }

    private static MedianNetwork Build(int size)
    {
        var (low, high) = SortingNetwork.For(size);
        // Walk the sorting network backwards from the middle output, keeping a comparator only when
        // one of its outputs is still needed; a comparator needs both its inputs.
        var needed = new bool[size];
        needed[size / 2] = true;
        var kept = new List<Op>();
        for (var c = low.Length - 1; c >= 0; c--)
        {
            int a = low[c], b = high[c];
            if (!needed[a] && !needed[b]) continue;
            var kind = needed[a] && needed[b] ? Kind.Both : needed[a] ? Kind.MinOnly : Kind.MaxOnly;
            kept.Add(new Op((byte)a, (byte)b, kind));
            needed[a] = needed[b] = true;
        }
        kept.Reverse();
        return new MedianNetwork(size, [.. kept]);
    }

    private enum Kind : byte
    {
        Both,
        MinOnly,
        MaxOnly,
    }

    private readonly record struct Op(byte Low, byte High, Kind Kind);
}
