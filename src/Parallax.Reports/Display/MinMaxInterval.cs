using Parallax.Imaging;

namespace Parallax.Reports.Display;

/// <summary>The smallest and largest usable value (astropy's <c>MinMaxInterval</c>).</summary>
public sealed class MinMaxInterval : IInterval
{
    /// <inheritdoc/>
    public DisplayLimits GetLimits(ReadOnlySpan<float> values, ReadOnlySpan<ushort> mask = default, MaskBits reject = MaskBits.Unusable)
    {
        var useMask = !mask.IsEmpty;
        var bits = (ushort)reject;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!float.IsFinite(v) || (useMask && (mask[i] & bits) != 0)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? new DisplayLimits(min, max) : new DisplayLimits(double.NaN, double.NaN);
    }
}
