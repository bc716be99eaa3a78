using Parallax.Imaging;
using Parallax.Reports.Display;

namespace Parallax.Reports.QuickLook;

/// <summary>How a quick-look image is made: its largest size, the display interval and stretch, and whether the mask is painted over it.</summary>
public sealed record QuickLookOptions
{
    /// <summary>The stretch names the command line accepts.</summary>
    public static IReadOnlyList<string> StretchNames { get; } = ["zscale", "asinh", "linear", "sqrt", "log"];

    /// <summary>Longest side of the image in pixels: bigger frames are block-averaged by the smallest whole factor that fits.</summary>
    public int MaxSize { get; init; } = 1024;

    /// <summary>How the display limits are chosen (measured on the block-averaged pixels that are shown).</summary>
    public IInterval Interval { get; init; } = new ZScaleInterval();

    /// <summary>How normalised values become grey levels.</summary>
    public IStretch Stretch { get; init; } = new LinearStretch();

    /// <summary>Paint pixels with mask bits in a colour per bit class (see <see cref="MaskColours"/>) over the grey image.</summary>
    public bool ShowMask { get; init; }

    /// <summary>
    /// Pixels with any of these bits are left out of block averages and of the display limits; a
    /// block with no other pixel is drawn in <see cref="MaskColours.NoValue"/>, as a NaN pixel is.
    /// </summary>
    public MaskBits Reject { get; init; } = MaskBits.Unusable;

    /// <summary>Draw north and east arrows (<see cref="CompassOverlay"/>) when the image has a WCS. Default true.</summary>
    public bool Compass { get; init; } = true;

    /// <summary>The options of a thumbnail: at most <paramref name="size"/> pixels on a side.</summary>
    public static QuickLookOptions Thumbnail(int size = 256) => new() { MaxSize = size };

    /// <summary>
    /// Options for a named stretch: <c>zscale</c> (zscale limits, linear), <c>asinh</c> (99.5%
    /// limits, asinh), <c>linear</c> (min–max, linear), <c>sqrt</c> and <c>log</c> (99.5% limits).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="StretchNames"/>.</exception>
    public static QuickLookOptions ForStretch(string name, int maxSize = 1024, bool showMask = false) => name.ToLowerInvariant() switch
    {
        "zscale" => new() { MaxSize = maxSize, ShowMask = showMask },
        "asinh" => new() { MaxSize = maxSize, ShowMask = showMask, Interval = new PercentileInterval(99.5), Stretch = new AsinhStretch() },
        "linear" => new() { MaxSize = maxSize, ShowMask = showMask, Interval = new MinMaxInterval() },
        "sqrt" => new() { MaxSize = maxSize, ShowMask = showMask, Interval = new PercentileInterval(99.5), Stretch = new SqrtStretch() },
        "log" => new() { MaxSize = maxSize, ShowMask = showMask, Interval = new PercentileInterval(99.5), Stretch = new LogStretch() },
        _ => throw new ArgumentException($"unknown stretch '{name}' (choose {string.Join(", ", StretchNames)})", nameof(name)),
    };
}
