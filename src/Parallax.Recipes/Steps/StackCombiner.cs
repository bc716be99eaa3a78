using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Steps;

/// <summary>
/// Combines frames of one size pixel by pixel. At each pixel the usable values (finite, mask free
/// of <see cref="MaskFlags.Unusable"/> bits) are optionally sigma-clipped about their median —
/// values more than <c>clipSigma</c> standard deviations away are rejected, once — and the rest
/// are averaged or their median taken. The variance is propagated from the inputs' variances:
/// Σσ²/n² for the mean, and π/2 times that for the median of three or more values. A pixel with
/// no usable value is NaN with <see cref="MaskFlags.NoData"/>; a pixel where values were rejected
/// is not flagged (the result is still good). Rows run in parallel.
/// </summary>
public static class StackCombiner
{
    /// <summary>Combines <paramref name="images"/> (all the same size).</summary>
    /// <exception cref="ArgumentException">No images, or images of different sizes.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static FrameImage Combine(IReadOnlyList<FrameImage> images, CombineMethod method, double clipSigma, CancellationToken cancellation = default)
    {
        if (images.Count == 0) throw new ArgumentException("no images to combine", nameof(images));
        var first = images[0];
        foreach (var im in images)
        {
            if (!im.SameShape(first)) throw new ArgumentException($"cannot combine a {im.ShapeText} image with {first.ShapeText} ones", nameof(images));
        }
        var width = first.Width;
        var n = images.Count;
        var result = new FrameImage(width, first.Height, first.Unit);
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = first.PixelCount < 1 << 16 ? 1 : Environment.ProcessorCount };
        Parallel.For(0, first.Height, options, () => (new float[n], new float[n], new float[n]), (y, _, scratch) =>
        {
            var (values, variances, sorted) = scratch;
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                var m = 0;
                for (var k = 0; k < n; k++)
                {
                    var im = images[k];
                    var v = im.Data[i];
                    if (!float.IsFinite(v) || (im.Mask[i] & MaskFlags.Unusable) != 0) continue;
                    values[m] = v;
                    variances[m] = im.Variance[i];
                    m++;
                }
                if (m == 0)
                {
                    result.Data[i] = float.NaN;
                    result.Mask[i] = MaskFlags.NoData;
                    continue;
                }
                if (clipSigma > 0 && m >= 3) m = Clip(values, variances, sorted, m, clipSigma);
                var (value, variance) = method == CombineMethod.Median ? MedianOf(values, variances, m) : MeanOf(values, variances, m);
                result.Data[i] = (float)value;
                result.Variance[i] = (float)variance;
            }
            return scratch;
        }, _ => { });
        return result;
    }

    /// <summary>Keeps the values within <paramref name="k"/> sample standard deviations of the median (moving them to the front); returns how many are kept.</summary>
    private static int Clip(float[] values, float[] variances, float[] scratch, int m, double k)
    {
        values.AsSpan(0, m).CopyTo(scratch);
        var centre = PixelStatistics.MedianInPlace(scratch.AsSpan(0, m));
        double mean = 0;
        for (var j = 0; j < m; j++) mean += values[j];
        mean /= m;
        double ss = 0;
        for (var j = 0; j < m; j++) ss += (values[j] - mean) * (values[j] - mean);
        var sigma = Math.Sqrt(ss / (m - 1));
        if (sigma == 0) return m;
        var kept = 0;
        for (var j = 0; j < m; j++)
        {
            if (Math.Abs(values[j] - centre) > k * sigma) continue;
            values[kept] = values[j];
            variances[kept] = variances[j];
            kept++;
        }
        return kept == 0 ? m : kept;
    }

    private static (double Value, double Variance) MeanOf(float[] values, float[] variances, int m)
    {
        double sum = 0, var = 0;
        for (var j = 0; j < m; j++)
        {
            sum += values[j];
            var += variances[j];
        }
        return (sum / m, var / ((double)m * m));
    }

    private static (double Value, double Variance) MedianOf(float[] values, float[] variances, int m)
    {
        double var = 0;
        for (var j = 0; j < m; j++) var += variances[j];
        var /= (double)m * m;
        if (m >= 3) var *= Math.PI / 2;
        var median = PixelStatistics.MedianInPlace(values.AsSpan(0, m));
        return (median, var);
    }
}
