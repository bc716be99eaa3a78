namespace Parallax.Pipeline.Recipes;

/// <summary>
/// Data-quality bits of a <see cref="FrameImage"/> pixel, with the same values as the imaging
/// core's <c>MaskBits</c> (they are part of the file format: the DQ extension).
/// </summary>
public static class MaskFlags
{
    /// <summary>A known defective pixel.</summary>
    public const ushort BadPixel = 1 << 0;

    /// <summary>The raw value reached the saturation level.</summary>
    public const ushort Saturated = 1 << 1;

    /// <summary>No data: no input contributed, or the value is NaN.</summary>
    public const ushort NoData = 1 << 6;

    /// <summary>Rejected by an algorithm (clipping).</summary>
    public const ushort Rejected = 1 << 8;

    /// <summary>Bits whose pixels must not be used in a measurement or combination (as the imaging core's <c>MaskBits.Unusable</c>).</summary>
    public const ushort Unusable = BadPixel | Saturated | (1 << 2) | (1 << 3) | (1 << 4) | NoData | Rejected;
}
