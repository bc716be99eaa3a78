using Parallax.Imaging;

namespace Parallax.Spectroscopy.Extraction;

/// <summary>
/// The rows each column contributes to an optimal extraction (trace ± half-width), stored column after column in one
/// flat array, with the sky-subtracted values, usability flags and the smoothed spatial profile.
/// </summary>
internal sealed class ExtractionWindow
{
    public ExtractionWindow(double[] rows, double half, int height)
    {
        var w = rows.Length;
        First = new int[w];
        Last = new int[w];
        Offset = new int[w];
        var size = 0;
        for (var x = 0; x < w; x++)
        {
            First[x] = Math.Max(0, (int)Math.Ceiling(rows[x] - half));
            Last[x] = Math.Min(height - 1, (int)Math.Floor(rows[x] + half));
            if (Last[x] < First[x]) Last[x] = First[x] - 1;
            Offset[x] = size;
            size += Last[x] - First[x] + 1;
        }
        Size = size;
    }

    public int[] First { get; }

    public int[] Last { get; }

    public int[] Offset { get; }

    public int Size { get; }

    public int Width => First.Length;

    public void Fill(MaskedImage frame, float[] sky, bool[] usable, double[] residual)
    {
        var w = frame.Width;
        for (var x = 0; x < w; x++)
            for (var y = First[x]; y <= Last[x]; y++)
            {
                var i = y * w + x;
                var k = Offset[x] + y - First[x];
                var d = frame.Data[i];
                var ok = float.IsFinite(d) && float.IsFinite(sky[i]) && frame.Variance[i] > 0 && (frame.Mask[i] & (ushort)MaskBits.Unusable) == 0;
                usable[k] = ok;
                residual[k] = ok ? d - sky[i] : 0;
            }
    }

    /// <summary>
    /// P(x, y) = Σ_{x'} M D'(x', y) ÷ Σ_{x'} M f(x'), x' within ± smoothing/2 of x and f the column's flux: the previous
    /// extraction's where given (a column's total, whatever pixels it lost), else the boxcar sum of its usable pixels,
    /// normalised over each column's window and then clipped at zero (uniform where nothing is left).
    /// </summary>
    public void BuildProfile(double[] residual, bool[] usable, int smoothing, double[] profile, double[]? columnFlux)
    {
        var w = Width;
        var boxcar = new double[w];
        for (var x = 0; x < w; x++)
        {
            if (columnFlux is not null && double.IsFinite(columnFlux[x])) { boxcar[x] = columnFlux[x]; continue; }
            double s = 0;
            for (var k = Offset[x]; k < Offset[x] + Last[x] - First[x] + 1; k++) if (usable[k]) s += residual[k];
            boxcar[x] = s;
        }
        var halfSmooth = smoothing / 2;
        Parallel.For(0, w, x =>
        {
            var count = Last[x] - First[x] + 1;
            double total = 0;
            for (var j = 0; j < count; j++)
            {
                var y = First[x] + j;
                double num = 0, den = 0;
                for (var xx = Math.Max(0, x - halfSmooth); xx <= Math.Min(w - 1, x + halfSmooth); xx++)
                {
                    if (y < First[xx] || y > Last[xx]) continue;
                    var k = Offset[xx] + y - First[xx];
                    if (!usable[k]) continue;
                    num += residual[k];
                    den += boxcar[xx];
                }
                var p = den > 0 ? num / den : 0;
                profile[Offset[x] + j] = p;
                total += p;
            }
            // Normalised before the negative values are clipped: clipping first would lift the noisy wings, widen the
            // profile, lower its peak and bias a faint object's flux high.
            for (var j = 0; j < count; j++)
                profile[Offset[x] + j] = total > 0 ? Math.Max(0, profile[Offset[x] + j] / total) : 1.0 / count;
        });
    }
}
