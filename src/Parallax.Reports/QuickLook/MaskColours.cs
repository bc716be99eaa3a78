using Parallax.Imaging;

namespace Parallax.Reports.QuickLook;

/// <summary>
/// The colours of a quick-look: one for pixels with no value (NaN, or every pixel of the block
/// rejected by the mask) and one per class of mask bits for the overlay. The first class whose
/// bits a pixel has wins, in the order of <see cref="Classes"/>.
/// </summary>
public static class MaskColours
{
    /// <summary>Pixels with no value to show: magenta, which a greyscale image never contains.</summary>
    public static readonly (byte R, byte G, byte B) NoValue = (255, 0, 255);

    /// <summary>The overlay classes in priority order: bits, colour, and a name for legends.</summary>
    public static IReadOnlyList<(MaskBits Bits, (byte R, byte G, byte B) Colour, string Name)> Classes { get; } =
    [
        (MaskBits.DetectorDefect, (230, 30, 30), "bad, hot or cold pixel (red)"),
        (MaskBits.Saturated | MaskBits.Nonlinear, (255, 160, 0), "saturated or non-linear (orange)"),
        (MaskBits.CosmicRay, (0, 210, 0), "cosmic ray (green)"),
        (MaskBits.NoData | MaskBits.Rejected, (40, 110, 255), "no data or rejected (blue)"),
        (MaskBits.Vignetted | MaskBits.Interpolated | MaskBits.Edge, (0, 200, 200), "vignetted, interpolated or edge (cyan)"),
    ];

    /// <summary>The overlay class index of a mask value, or −1 when it has no bit.</summary>
    internal static int ClassOf(ushort mask)
    {
        if (mask == 0) return -1;
        for (var i = 0; i < Classes.Count; i++) if ((mask & (ushort)Classes[i].Bits) != 0) return i;
        return -1;
    }
}
