using System.Buffers;
using Parallax.Imaging;

namespace Parallax.Reports.QuickLook;

/// <summary>
/// Shrinks an image by a whole factor: each output pixel is the mean of the finite, unrejected
/// pixels of its factor × factor block (NaN when there is none) and the OR of the block's mask
/// bits. Edge blocks of an image whose size is not a multiple of the factor average fewer pixels.
/// Rows stay in FITS order (row 1 first).
/// </summary>
internal static class BlockAverage
{
    /// <summary>Below this many input pixels the work runs on the calling thread.</summary>
    private const long InlineBelowPixels = 1 << 18;

    /// <summary>The block-averaged data and mask, <c>ceil(width / factor)</c> × <c>ceil(height / factor)</c>.</summary>
    public static (float[] Data, ushort[] Mask, int Width, int Height) Shrink(MaskedImage image, int factor, MaskBits reject)
    {
        int w = (image.Width + factor - 1) / factor, h = (image.Height + factor - 1) / factor;
        var data = new float[w * h];
        var mask = new ushort[w * h];
        if (factor == 1)
        {
            image.Data.CopyTo(data, 0);
            image.Mask.CopyTo(mask, 0);
            var bits = (ushort)reject;
            for (var i = 0; i < data.Length; i++) if ((mask[i] & bits) != 0) data[i] = float.NaN;
            return (data, mask, w, h);
        }
        if ((long)image.Width * image.Height < InlineBelowPixels || Environment.ProcessorCount == 1)
        {
            for (var y = 0; y < h; y++) Row(image, factor, reject, y, data, mask, w);
        }
        else
        {
            Parallel.For(0, h, y => Row(image, factor, reject, y, data, mask, w));
        }
        return (data, mask, w, h);
    }

    /// <summary>Adds a row without mask bits: no per-pixel test, so the loop stays branch-free.</summary>
    private static void AddClean(ReadOnlySpan<float> d, int factor, double[] sums, int[] counts, int w)
    {
        var full = d.Length / factor;
        for (var bx = 0; bx < full; bx++)
        {
            var block = d.Slice(bx * factor, factor);
            float s = 0;
            for (var i = 0; i < block.Length; i++) s += block[i];
            sums[bx] += s;
            counts[bx] += factor;
        }
        if (full < w)
        {
            var rest = d[(full * factor)..];
            float s = 0;
            foreach (var v in rest) s += v;
            sums[full] += s;
            counts[full] += rest.Length;
        }
    }

    /// <summary>Adds a row with mask bits: rejected and non-finite pixels are left out, every bit is ORed into the block's mask.</summary>
    private static void AddMasked(ReadOnlySpan<float> d, ReadOnlySpan<ushort> m, int factor, ushort bits, double[] sums, int[] counts, Span<ushort> orMask, int w)
    {
        for (int bx = 0, x = 0; bx < w; bx++)
        {
            var end = Math.Min(d.Length, x + factor);
            double s = 0;
            int c = 0;
            ushort o = 0;
            for (; x < end; x++)
            {
                var mv = m[x];
                o |= mv;
                var v = d[x];
                if ((mv & bits) != 0 || !float.IsFinite(v)) continue;
                s += v;
                c++;
            }
            sums[bx] += s;
            counts[bx] += c;
            orMask[bx] |= o;
        }
    }

    private static void Row(MaskedImage image, int factor, MaskBits reject, int outRow, float[] data, ushort[] mask, int w)
    {
        var sums = ArrayPool<double>.Shared.Rent(w);
        var counts = ArrayPool<int>.Shared.Rent(w);
        try
        {
            Array.Clear(sums, 0, w);
            Array.Clear(counts, 0, w);
            var bits = (ushort)reject;
            var orMask = mask.AsSpan(outRow * w, w);
            var y0 = outRow * factor;
            var y1 = Math.Min(image.Height, y0 + factor);
            for (var y = y0; y < y1; y++)
            {
                ReadOnlySpan<float> d = image.DataRow(y);
                ReadOnlySpan<ushort> m = image.MaskRow(y);
                if (m.IndexOfAnyExcept((ushort)0) < 0) AddClean(d, factor, sums, counts, w);
                else AddMasked(d, m, factor, bits, sums, counts, orMask, w);
            }
            // A NaN or infinity in a clean row poisoned its block's sum: redo those blocks pixel by pixel.
            for (var bx = 0; bx < w; bx++)
            {
                if (double.IsFinite(sums[bx])) continue;
                double s = 0;
                var c = 0;
                for (var y = y0; y < y1; y++)
                {
                    var d = image.DataRow(y);
                    var m = image.MaskRow(y);
                    for (int x = bx * factor, end = Math.Min(d.Length, x + factor); x < end; x++)
                    {
                        if ((m[x] & bits) != 0 || !float.IsFinite(d[x])) continue;
                        s += d[x];
                        c++;
                    }
                }
                sums[bx] = s;
                counts[bx] = c;
            }
            var outData = data.AsSpan(outRow * w, w);
            for (var x = 0; x < w; x++) outData[x] = counts[x] > 0 ? (float)(sums[x] / counts[x]) : float.NaN;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<int>.Shared.Return(counts);
        }
    }
}
