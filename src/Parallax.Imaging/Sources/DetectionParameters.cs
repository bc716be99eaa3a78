namespace Parallax.Imaging.Sources;

/// <summary>
/// How sources are detected, with SExtractor's meaning and defaults (DETECT_THRESH, DETECT_MINAREA,
/// FILTER_NAME, DEBLEND_NTHRESH, DEBLEND_MINCONT) and sep.extract's.
/// </summary>
public sealed record DetectionParameters
{
    /// <summary>The defaults below.</summary>
    public static DetectionParameters Default { get; } = new();

    /// <summary>Detection threshold in units of the global background RMS, applied to the filtered image (sep thresh with err = globalrms). Default 1.5.</summary>
    public double Threshold { get; init; } = 1.5;

    /// <summary>Fewest connected pixels above the threshold for a source (DETECT_MINAREA). Default 5.</summary>
    public int MinArea { get; init; } = 5;

    /// <summary>Detection filter; null for none. Default <see cref="ConvolutionKernel.Default"/> (3 × 3 pyramid).</summary>
    public ConvolutionKernel? Kernel { get; init; } = ConvolutionKernel.Default;

    /// <summary>Deblending levels between the threshold and the peak, spaced exponentially (DEBLEND_NTHRESH); 1 turns deblending off. Default 32.</summary>
    public int DeblendThresholds { get; init; } = 32;

    /// <summary>Smallest flux fraction of a branch, relative to the whole blend, to count as a separate source (DEBLEND_MINCONT). Default 0.005.</summary>
    public double DeblendMinContrast { get; init; } = 0.005;

    /// <summary>
    /// Pixels with these mask bits (and NaN pixels) count as zero above the background in detection
    /// and measurement, and flag the sources that touch them. Saturated pixels are not in the default:
    /// a saturated star is still found, with <see cref="SourceFlags.Saturated"/>.
    /// </summary>
    public MaskBits IgnoreMask { get; init; } = MaskBits.Unusable & ~MaskBits.Saturated;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold that is not positive and finite, MinArea &lt; 1, DeblendThresholds outside 1..64, or a contrast outside [0, 1].</exception>
    public void Validate()
    {
        if (!(Threshold > 0) || !double.IsFinite(Threshold)) throw new ArgumentOutOfRangeException(nameof(Threshold), $"threshold {Threshold} must be a positive number of RMS");
        if (MinArea < 1) throw new ArgumentOutOfRangeException(nameof(MinArea), $"minimum area {MinArea} must be at least 1 pixel");
        if (DeblendThresholds is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(DeblendThresholds), $"deblending levels {DeblendThresholds} must lie in 1..64");
        if (!(DeblendMinContrast >= 0 && DeblendMinContrast <= 1)) throw new ArgumentOutOfRangeException(nameof(DeblendMinContrast), $"deblending contrast {DeblendMinContrast} must lie in 0..1");
    }
}
