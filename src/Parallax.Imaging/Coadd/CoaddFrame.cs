using Parallax.Fits.Coordinates;

namespace Parallax.Imaging.Coadd;

/// <summary>One reduced frame to coadd: its pixels (data, variance, mask), WCS, exposure time and, when known, photometric zero point.</summary>
public sealed class CoaddFrame
{
    /// <summary>A name for messages and reports.</summary>
    public required string Name { get; init; }

    /// <summary>The frame, in a count unit (electrons or ADU) over the whole exposure; NaN or masked pixels are left out.</summary>
    public required MaskedImage Image { get; init; }

    /// <summary>Exposure time in seconds (&gt; 0).</summary>
    public required double ExposureTime { get; init; }

    /// <summary>The frame's WCS; null falls back to <see cref="MaskedImage.Wcs"/> of <see cref="Image"/>, and without either the frame is aligned on its stars.</summary>
    public Wcs? Wcs { get; init; }

    /// <summary>
    /// True when the WCS is only a rough pointing (a raw header's, off by arcseconds): with
    /// <see cref="CoaddAlignment.Auto"/> such a frame is aligned on its stars to the reference frame
    /// instead (the reference frame, the first frame with a measured WCS, else the first frame, keeps its own),
    /// falling back to the rough WCS when its stars cannot be matched.
    /// </summary>
    public bool WcsIsApproximate { get; init; }

    /// <summary>Photometric zero point (MAGZPT): the magnitude that gives 1 count per second in this frame; null when unknown.</summary>
    public double? ZeroPoint { get; init; }

    /// <summary>The WCS in force: <see cref="Wcs"/>, else the image's.</summary>
    internal Wcs? EffectiveWcs => Wcs ?? Image.Wcs;
}
