using Parallax.Imaging;
using Parallax.Imaging.Background;
using Parallax.Imaging.Statistics;

namespace Parallax.Recipes.Imaging;

/// <summary>
/// The detector defects a bad-pixel map holds, found in a master flat (pixels and column segments whose
/// response is far from the smooth flat around them) and a master dark (pixels whose dark current is far
/// above the rest). Each finder ORs <see cref="MaskBits"/> into a mask of the same shape and returns the
/// number of pixels it newly flagged.
/// </summary>
public static class BadPixelMapFinder
{
    /// <summary>
    /// Flags pixels of <paramref name="flat"/> whose response relative to the smooth flat (a clipped
    /// background mesh of <paramref name="box"/> pixels, bicubic-interpolated) is below
    /// <paramref name="coldResponse"/> (Cold | BadPixel; a pixel of zero or negative response counts as dead) or
    /// above <paramref name="highResponse"/> (BadPixel); a pixel NaN or NoData in the flat (its response was
    /// not measured, e.g. a hot pixel every flat had masked) is BadPixel only. Then column segments of
    /// <paramref name="columnRows"/> rows whose median relative response is below <paramref name="columnResponse"/>
    /// (0: no column test).
    /// </summary>
    /// <param name="flat">A normalised master flat (dimensionless, around 1).</param>
    /// <param name="mask">The bad-pixel mask being built, flat's size.</param>
    /// <param name="box">Box size of the smooth flat, pixels.</param>
    /// <param name="coldResponse">Lowest good relative response.</param>
    /// <param name="highResponse">Highest good relative response.</param>
    /// <param name="columnResponse">Lowest good median response of a column segment; 0: off.</param>
    /// <param name="columnRows">Rows per column segment.</param>
    /// <returns>Pixels flagged cold, and pixels flagged BadPixel only (high response or no data), by this flat.</returns>
    public static (int Cold, int Other) FromFlat(MaskedImage flat, ushort[] mask, int box, double coldResponse, double highResponse, double columnResponse, int columnRows)
    {
        ArgumentNullException.ThrowIfNull(flat);
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Length != flat.PixelCount) throw new ArgumentException($"mask has {mask.Length} pixels, the flat {flat.PixelCount}", nameof(mask));
        var (w, h) = (flat.Width, flat.Height);
        // Box statistics reject the defects themselves (clipped), so the smooth flat is what the pixels should have seen.
        var smooth = BackgroundEstimator.Estimate(flat.Data, flat.Mask, w, h, new BackgroundParameters
        {
            BoxWidth = Math.Min(box, w),
            BoxHeight = Math.Min(box, h),
            RejectMask = MaskBits.NoData | MaskBits.Rejected,
        }).LevelImage();
        var ratio = new float[w * h];
        const ushort cold = (ushort)(MaskBits.Cold | MaskBits.BadPixel);
        const ushort bad = (ushort)MaskBits.BadPixel;
        int nCold = 0, nHigh = 0;
        for (var i = 0; i < ratio.Length; i++)
        {
            var v = flat.Data[i];
            if ((flat.Mask[i] & (ushort)MaskBits.NoData) != 0 || !float.IsFinite(v))
            {
                // No response measured (e.g. a hot pixel every flat had masked): unusable, but not known to be cold.
                ratio[i] = float.NaN;
                nHigh += Flag(mask, i, bad);
                continue;
            }
            var r = v <= 0 || !(smooth[i] > 0) ? 0f : v / smooth[i];
            ratio[i] = r;
            if (r < coldResponse) nCold += Flag(mask, i, cold);
            else if (r > highResponse) nHigh += Flag(mask, i, bad);
        }
        if (columnResponse > 0) nCold += FlagColumns(ratio, mask, w, h, columnResponse, Math.Max(4, Math.Min(columnRows, h)));
        return (nCold, nHigh);
    }

    private static int FlagColumns(float[] ratio, ushort[] mask, int w, int h, double limit, int rows)
    {
        const ushort cold = (ushort)(MaskBits.Cold | MaskBits.BadPixel);
        var segment = new float[rows];
        var flagged = 0;
        for (var y0 = 0; y0 < h; y0 += rows)
        {
            // The last segment takes the rows left over with the one before it, so that no segment is too short for its median.
            var n = h - y0 < 2 * rows ? h - y0 : rows;
            if (segment.Length < n) segment = new float[n];
            for (var x = 0; x < w; x++)
            {
                for (var k = 0; k < n; k++) segment[k] = ratio[(y0 + k) * w + x];
                if (!(RobustStatistics.Median(segment.AsSpan(0, n)) < limit)) continue;
                for (var k = 0; k < n; k++) flagged += Flag(mask, (y0 + k) * w + x, cold);
            }
            if (n > rows) break;
        }
        return flagged;
    }

    /// <summary>
    /// Flags pixels of <paramref name="dark"/> (a bias-subtracted master dark, ADU at <paramref name="exposure"/>
    /// seconds) whose level above the median, times <paramref name="gain"/> per second, exceeds
    /// <paramref name="rate"/> and which lie more than <paramref name="sigma"/> robust standard deviations
    /// above the median: Hot | BadPixel. NaN pixels and Unusable ones other than Hot are not judged.
    /// </summary>
    /// <param name="dark">The master dark (ADU).</param>
    /// <param name="mask">The bad-pixel mask being built, dark's size.</param>
    /// <param name="exposure">Exposure time of the dark, seconds (positive).</param>
    /// <param name="gain">Electrons per ADU (1 to work in ADU/s).</param>
    /// <param name="rate">Threshold, electrons per second (ADU/s with gain 1).</param>
    /// <param name="sigma">Significance threshold, robust σ.</param>
    /// <returns>Pixels flagged hot.</returns>
    public static int FromDark(MaskedImage dark, ushort[] mask, double exposure, double gain, double rate, double sigma)
    {
        ArgumentNullException.ThrowIfNull(dark);
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Length != dark.PixelCount) throw new ArgumentException($"mask has {mask.Length} pixels, the dark {dark.PixelCount}", nameof(mask));
        if (!(exposure > 0)) throw new ArgumentOutOfRangeException(nameof(exposure), exposure, "the dark's exposure time must be positive");
        // The master dark flags its own hot pixels; they must still count here, so only the other bad bits keep a pixel out of the statistics.
        const MaskBits reject = MaskBits.Unusable & ~MaskBits.Hot;
        var median = RobustStatistics.Median(dark.Data, dark.Mask, reject);
        var noise = RobustStatistics.MadSigma(dark.Data, dark.Mask, reject);
        var limit = median + Math.Max(rate * exposure / gain, sigma * (double.IsFinite(noise) ? noise : 0));
        const ushort hot = (ushort)(MaskBits.Hot | MaskBits.BadPixel);
        var flagged = 0;
        for (var i = 0; i < dark.PixelCount; i++)
        {
            if ((dark.Mask[i] & (ushort)reject) != 0) continue;
            if (dark.Data[i] > limit) flagged += Flag(mask, i, hot);
        }
        return flagged;
    }

    private static int Flag(ushort[] mask, int i, ushort bits)
    {
        var before = mask[i];
        mask[i] |= bits;
        return (before & bits) == bits ? 0 : 1;
    }
}
