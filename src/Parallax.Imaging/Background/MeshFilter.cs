using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Background;

/// <summary>
/// Cleans the mesh of box values as SExtractor does: boxes without enough usable pixels take the
/// mean of the nearest usable boxes, then a median filter (shrunk symmetrically at the mesh edges)
/// removes boxes lifted by bright sources.
/// </summary>
internal static class MeshFilter
{
    /// <summary>Replaces NaN (unusable) boxes by the mean of the nearest usable ones; all-NaN meshes become level 0, σ 1.</summary>
    public static void FillUnusable(float[] level, float[] sigma, int nx, int ny)
    {
        var source = (float[])level.Clone();
        var sourceSigma = (float[])sigma.Clone();
        for (var py = 0; py < ny; py++)
            for (var px = 0; px < nx; px++)
            {
                var i = py * nx + px;
                if (!float.IsNaN(source[i])) continue;
                var best = long.MaxValue;
                double sum = 0, sumSigma = 0;
                var count = 0;
                for (var y = 0; y < ny; y++)
                    for (var x = 0; x < nx; x++)
                    {
                        var j = y * nx + x;
                        if (float.IsNaN(source[j])) continue;
                        var d2 = (long)(x - px) * (x - px) + (long)(y - py) * (y - py);
                        if (d2 < best)
                        {
                            best = d2;
                            sum = source[j];
                            sumSigma = sourceSigma[j];
                            count = 1;
                        }
                        else if (d2 == best)
                        {
                            sum += source[j];
                            sumSigma += sourceSigma[j];
                            count++;
                        }
                    }
                level[i] = count > 0 ? (float)(sum / count) : 0f;
                sigma[i] = count > 0 ? (float)(sumSigma / count) : 1f;
            }
    }

    /// <summary>Median-filters level and σ over fw × fh boxes; a box changes only when its filtered level differs by at least <paramref name="threshold"/>.</summary>
    public static void Median(float[] level, float[] sigma, int nx, int ny, int fw, int fh, double threshold)
    {
        if (fw <= 1 && fh <= 1) return;
        var hx = fw / 2;
        var hy = fh / 2;
        var outLevel = new float[level.Length];
        var outSigma = new float[sigma.Length];
        var window = new float[fw * fh];
        var windowSigma = new float[fw * fh];
        for (var py = 0; py < ny; py++)
        {
            var ry = Math.Min(hy, Math.Min(py, ny - 1 - py));
            for (var px = 0; px < nx; px++)
            {
                var rx = Math.Min(hx, Math.Min(px, nx - 1 - px));
                var k = 0;
                for (var y = py - ry; y <= py + ry; y++)
                    for (var x = px - rx; x <= px + rx; x++)
                    {
                        window[k] = level[y * nx + x];
                        windowSigma[k++] = sigma[y * nx + x];
                    }
                var i = py * nx + px;
                var med = (float)Selection.Median(window.AsSpan(0, k));
                if (Math.Abs(med - level[i]) >= threshold)
                {
                    outLevel[i] = med;
                    outSigma[i] = (float)Selection.Median(windowSigma.AsSpan(0, k));
                }
                else
                {
                    outLevel[i] = level[i];
                    outSigma[i] = sigma[i];
                }
            }
        }
        outLevel.CopyTo(level, 0);
        outSigma.CopyTo(sigma, 0);
    }
}
