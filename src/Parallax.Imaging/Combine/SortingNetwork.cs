using System.Collections.Concurrent;

namespace Parallax.Imaging.Combine;

/// <summary>
/// Batcher's odd–even merge sorting network for n elements: a fixed list of compare-exchange
/// pairs (i &lt; j; after each, element i ≤ element j) that sorts any input. Being branch-free, it
/// sorts the stacks of several pixels at once in the lanes of a vector. For n that is not a power
/// of two the network of the next power of two is used without the pairs that reach past n —
/// valid because the missing elements act as +∞ padding that no comparator would move.
/// </summary>
internal static class SortingNetwork
{
    /// <summary>Largest stack sorted by a network; deeper stacks take the scalar sort (a network's cost grows as n·log²n).</summary>
    public const int MaxSize = 64;

    private static readonly ConcurrentDictionary<int, (int[] Low, int[] High)> Cache = new();

    /// <summary>The comparator pairs for n elements (cached).</summary>
    public static (int[] Low, int[] High) For(int n) => Cache.GetOrAdd(n, Build);

    private static (int[] Low, int[] High) Build(int n)
    {
        var low = new List<int>();
        var high = new List<int>();
        var size = 1;
        while (size < n) size <<= 1;
        for (var p = 1; p < size; p <<= 1)
        {
            for (var k = p; k >= 1; k >>= 1)
            {
                for (var j = k % p; j + k < size; j += 2 * k)
                {
                    for (var i = 0; i < k && i + j + k < size; i++)
                    {
                        var a = i + j;
                        var b = i + j + k;
                        if (a / (2 * p) != b / (2 * p) || b >= n) continue;
                        low.Add(a);
                        high.Add(b);
                    }
                }
            }
        }
        return ([.. low], [.. high]);
    }
}
