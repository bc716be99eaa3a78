using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Tracing;

/// <summary>
/// A rough sky for finding and tracing objects: the median of each column's usable pixels inside the slit. An object
/// covers a small part of a long slit, so the median is the sky there; it is good enough to find objects, not to subtract.
/// </summary>
internal static class ColumnSky
{
    /// <summary>The sky-subtracted value of pixel (x, y): the sky model when given, else the column's median.</summary>
    public static Func<int, int, double> Subtracted(MaskedImage frame, SlitEdges edges, float[]? sky, int margin)
    {
        var w = frame.Width;
        if (sky is not null) return (x, y) => Value(frame, x, y) - sky[y * w + x];
        var medians = Medians(frame, edges, margin);
        return (x, y) => Value(frame, x, y) - medians[x];
    }

    /// <summary>The pixel's value, NaN when it is not finite or is <see cref="MaskBits.Unusable"/>.</summary>
    public static double Value(MaskedImage frame, int x, int y)
    {
        var i = y * frame.Width + x;
        var v = frame.Data[i];
        return float.IsFinite(v) && (frame.Mask[i] & (ushort)MaskBits.Unusable) == 0 ? v : double.NaN;
    }

    public static double[] Medians(MaskedImage frame, SlitEdges edges, int margin)
    {
        var (w, h) = (frame.Width, frame.Height);
        var medians = new double[w];
        Parallel.For(0, w, () => new float[h], (x, _, scratch) =>
        {
            var y0 = Math.Max(0, (int)Math.Ceiling(edges.Lower.RowAt(x) + margin));
            var y1 = Math.Min(h - 1, (int)Math.Floor(edges.Upper.RowAt(x) - margin));
            var n = 0;
            for (var y = y0; y <= y1; y++)
            {
                var v = Value(frame, x, y);
                if (double.IsFinite(v)) scratch[n++] = (float)v;
            }
            medians[x] = n == 0 ? double.NaN : Selection.Median(scratch.AsSpan(0, n));
            return scratch;
        }, _ => { });
        return medians;
    }
}
