namespace Parallax.Imaging.Background;

/// <summary>
/// How the sky background is modelled, with the meaning and defaults of SExtractor's BACK_SIZE /
/// BACK_FILTERSIZE / BACK_FILTERTHRESH and sep.Background's bw, bh, fw, fh, fthresh: the image is cut
/// into boxes of <see cref="BoxWidth"/> × <see cref="BoxHeight"/> pixels, each box gets a clipped
/// mode and RMS, the mesh of box values is median-filtered over <see cref="FilterWidth"/> ×
/// <see cref="FilterHeight"/> boxes, and a bicubic spline through the mesh gives every pixel's value.
/// </summary>
public sealed record BackgroundParameters
{
    /// <summary>SExtractor's and sep's defaults: 64 × 64 pixel boxes, 3 × 3 median filter, threshold 0.</summary>
    public static BackgroundParameters Default { get; } = new();

    /// <summary>Box width in pixels (sep bw, BACK_SIZE). Default 64.</summary>
    public int BoxWidth { get; init; } = 64;

    /// <summary>Box height in pixels (sep bh). Default 64.</summary>
    public int BoxHeight { get; init; } = 64;

    /// <summary>Median filter width in boxes (sep fw, BACK_FILTERSIZE); odd, 1 for none. Default 3.</summary>
    public int FilterWidth { get; init; } = 3;

    /// <summary>Median filter height in boxes (sep fh); odd, 1 for none. Default 3.</summary>
    public int FilterHeight { get; init; } = 3;

    /// <summary>
    /// A box is replaced by the filtered value only when they differ by at least this much, in the
    /// image unit (sep fthresh, BACK_FILTERTHRESH). Default 0: every box is filtered.
    /// </summary>
    public double FilterThreshold { get; init; }

    /// <summary>Pixels with any of these mask bits (and NaN or infinite pixels) are left out of the box statistics. Default <see cref="MaskBits.Unusable"/>.</summary>
    public MaskBits RejectMask { get; init; } = MaskBits.Unusable;

    /// <summary>
    /// A box needs at least this fraction of its pixels usable; otherwise its value is taken from the
    /// nearest usable boxes (SExtractor's BACK_MINGOODFRAC). Default 0.5.
    /// </summary>
    public double MinGoodFraction { get; init; } = 0.5;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A box size below 1, a filter size that is not a positive odd number, a negative or non-finite threshold, or a good fraction outside (0, 1].</exception>
    public void Validate()
    {
        if (BoxWidth < 1 || BoxHeight < 1) throw new ArgumentOutOfRangeException(nameof(BoxWidth), $"box size {BoxWidth}×{BoxHeight} must be at least 1×1 pixel");
        if (FilterWidth < 1 || FilterHeight < 1 || FilterWidth % 2 == 0 || FilterHeight % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(FilterWidth), $"filter size {FilterWidth}×{FilterHeight} must be positive odd numbers of boxes");
        if (!(FilterThreshold >= 0) || !double.IsFinite(FilterThreshold)) throw new ArgumentOutOfRangeException(nameof(FilterThreshold), $"filter threshold {FilterThreshold} must be a finite number ≥ 0");
        if (!(MinGoodFraction > 0 && MinGoodFraction <= 1)) throw new ArgumentOutOfRangeException(nameof(MinGoodFraction), $"good fraction {MinGoodFraction} must lie in (0, 1]");
    }
}
