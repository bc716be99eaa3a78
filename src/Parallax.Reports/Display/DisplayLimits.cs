namespace Parallax.Reports.Display;

/// <summary>
/// The data values shown as black (<see cref="Min"/>) and white (<see cref="Max"/>), in the image's
/// units. Both are NaN when the image had no finite, unmasked value to measure.
/// </summary>
/// <param name="Min">The value mapped to 0 (black).</param>
/// <param name="Max">The value mapped to 1 (white).</param>
public readonly record struct DisplayLimits(double Min, double Max)
{
    /// <summary>True when both limits are finite numbers.</summary>
    public bool IsFinite => double.IsFinite(Min) && double.IsFinite(Max);

    /// <summary>Maps a value to 0..1 (clipped), as astropy's <c>ImageNormalize(clip=True)</c> does; NaN stays NaN; equal limits map everything to 0.</summary>
    public double Normalise(double value)
    {
        var span = Max - Min;
        var t = span > 0 ? (value - Min) / span : 0.0 * value;
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }
}
