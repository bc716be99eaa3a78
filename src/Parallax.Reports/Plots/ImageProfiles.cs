using System.Buffers;
using Parallax.Imaging;
using Parallax.Imaging.Statistics;

namespace Parallax.Reports.Plots;

/// <summary>Median profiles of an image, the input of <see cref="QcPlots.BiasProfiles"/>.</summary>
public static class ImageProfiles
{
    /// <summary>
    /// The median of each row (along x; index 0 is FITS row 1) and of each column (along y), over
    /// the finite pixels without a rejected mask bit; NaN for a row or column with none.
    /// </summary>
    public static (double[] RowMedians, double[] ColumnMedians) Of(MaskedImage image, MaskBits reject = MaskBits.Unusable)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rows = new double[image.Height];
        for (var y = 0; y < image.Height; y++) rows[y] = RobustStatistics.Median(image.DataRow(y), image.MaskRow(y), reject);
        var columns = new double[image.Width];
        var values = ArrayPool<float>.Shared.Rent(image.Height);
        var mask = ArrayPool<ushort>.Shared.Rent(image.Height);
        try
        {
            for (var x = 0; x < image.Width; x++)
            {
                for (var y = 0; y < image.Height; y++)
                {
                    values[y] = image.Data[y * image.Width + x];
                    mask[y] = image.Mask[y * image.Width + x];
                }
                columns[x] = RobustStatistics.Median(values.AsSpan(0, image.Height), mask.AsSpan(0, image.Height), reject);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(values);
            ArrayPool<ushort>.Shared.Return(mask);
        }
        return (rows, columns);
    }
}
