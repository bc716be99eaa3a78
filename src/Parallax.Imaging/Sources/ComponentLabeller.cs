using System.Runtime.Intrinsics;

namespace Parallax.Imaging.Sources;

/// <summary>
/// Finds the 8-connected groups of pixels above a threshold: each row is encoded as runs (row bands
/// in parallel), runs that touch a run of the previous row (overlapping or diagonal) are joined with
/// a union–find, and groups smaller than the minimum area are dropped. The work is linear in the
/// pixels plus near-linear in the runs, with no per-pixel label image.
/// </summary>
internal static class ComponentLabeller
{
    /// <summary>The components of <paramref name="values"/> &gt; <paramref name="threshold"/>, each as its runs in row order; components ordered by their first pixel (row, then column).</summary>
    public static List<PixelRun[]> Label(float[] values, int width, int height, float threshold, int minArea)
    {
        var (runs, rowStart) = Runs(values, width, height, threshold);
        var parent = new int[runs.Length];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        for (var y = 1; y < height; y++)
        {
            int a = rowStart[y - 1], aEnd = rowStart[y], b = rowStart[y], bEnd = rowStart[y + 1];
            while (a < aEnd && b < bEnd)
            {
                var ra = runs[a];
                var rb = runs[b];
                if (ra.X0 <= rb.X1 + 1 && rb.X0 <= ra.X1 + 1) Union(parent, a, b);
                if (ra.X1 < rb.X1) a++;
                else b++;
            }
        }
        // Group runs by root; roots are numbered in order of their first run (row-major order).
        var id = new int[runs.Length];
        var pixels = new List<int>();
        var count = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            var r = Find(parent, i);
            if (r == i)
            {
                id[i] = count++;
                pixels.Add(0);
            }
            else id[i] = id[r];
            pixels[id[i]] += runs[i].Length;
        }
        var sizes = new int[count];
        for (var i = 0; i < runs.Length; i++) sizes[id[i]]++;
        var components = new PixelRun[count][];
        for (var c = 0; c < count; c++) components[c] = new PixelRun[sizes[c]];
        Array.Clear(sizes);
        for (var i = 0; i < runs.Length; i++) components[id[i]][sizes[id[i]]++] = runs[i];
        var result = new List<PixelRun[]>(count);
        for (var c = 0; c < count; c++)
            if (pixels[c] >= minArea) result.Add(components[c]);
        return result;
    }

    /// <summary>Runs of every row, in row order, and the index of each row's first run (height + 1 entries).</summary>
    private static (PixelRun[] Runs, int[] RowStart) Runs(float[] values, int width, int height, float threshold)
    {
        var bandRows = Math.Max(1, (1 << 16) / Math.Max(1, width));
        var bands = (height + bandRows - 1) / bandRows;
        var perBand = new List<PixelRun>[bands];
        void Band(int b)
        {
            var list = new List<PixelRun>();
            var y1 = Math.Min(height, (b + 1) * bandRows);
            for (var y = b * bandRows; y < y1; y++)
            {
                var row = values.AsSpan(y * width, width);
                var x = 0;
                while (x < width)
                {
                    // Skip below-threshold pixels quickly, then measure the run.
                    var rest = row[x..];
                    var start = IndexAbove(rest, threshold);
                    if (start < 0) break;
                    x += start;
                    var x0 = x;
                    while (x < width && row[x] > threshold) x++;
                    list.Add(new PixelRun(y, x0, x - 1));
                }
            }
            perBand[b] = list;
        }
        if ((long)width * height < Arithmetic.ParallelRows.InlineBelowPixels || Environment.ProcessorCount == 1)
            for (var b = 0; b < bands; b++) Band(b);
        else
            Parallel.For(0, bands, Band);
        var total = 0;
        foreach (var l in perBand) total += l.Count;
        var runs = new PixelRun[total];
        var rowStart = new int[height + 1];
        var k = 0;
        foreach (var l in perBand)
            foreach (var r in l)
            {
                runs[k++] = r;
                rowStart[r.Y + 1]++;
            }
        for (var y = 0; y < height; y++) rowStart[y + 1] += rowStart[y];
        return (runs, rowStart);
    }

    /// <summary>Index of the first value above the threshold, or −1; vectorised, since most pixels are sky.</summary>
    private static int IndexAbove(ReadOnlySpan<float> values, float threshold)
    {
        var i = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && values.Length >= 8)
        {
            var t = System.Runtime.Intrinsics.Vector256.Create(threshold);
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; i <= values.Length - 8; i += 8)
            {
                var v = System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref start, (nuint)i);
                var m = System.Runtime.Intrinsics.Vector256.GreaterThan(v, t).ExtractMostSignificantBits();
                if (m != 0) return i + System.Numerics.BitOperations.TrailingZeroCount(m);
            }
        }
        for (; i < values.Length; i++)
            if (values[i] > threshold) return i;
        return -1;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        a = Find(parent, a);
        b = Find(parent, b);
        // The smaller index stays root, so roots are first runs in row-major order.
        if (a < b) parent[b] = a;
        else if (b < a) parent[a] = b;
    }
}
