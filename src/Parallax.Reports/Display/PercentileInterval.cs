using Parallax.Imaging;
using Parallax.Imaging.Statistics;

namespace Parallax.Reports.Display;

/// <summary>
/// The limits that keep the central <see cref="Percent"/> of the usable values, cutting the same
/// fraction from both ends (astropy's <c>PercentileInterval</c> with <c>n_samples=None</c>): numpy's
/// linear-interpolated percentiles at (100 − p)/2 and 100 − (100 − p)/2, found by selection.
/// </summary>
public sealed record PercentileInterval : IInterval
{
    /// <summary>Keeps the central <paramref name="percent"/> (0 &lt; p ≤ 100) of the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside (0, 100].</exception>
    public PercentileInterval(double percent = 99.5)
    {
        if (!(percent > 0 && percent <= 100)) throw new ArgumentOutOfRangeException(nameof(percent), percent, "the percentage kept must lie in (0, 100]");
        Percent = percent;
    }

    /// <summary>The percentage of values kept between the limits.</summary>
    public double Percent { get; }

    /// <inheritdoc/>
    public DisplayLimits GetLimits(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        var lower = (100 - Percent) / 2;
        var p = RobustStatistics.Percentiles(values, [lower, 100 - lower], mask, reject);
        return new DisplayLimits(p[0], p[1]);
    }
}
