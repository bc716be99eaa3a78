using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Combine;

/// <summary>
/// What a stack combination does: an immutable, validated description, kept apart from the code
/// that runs it (<see cref="StackCombiner"/>) so that a product can record every value used.
/// </summary>
public sealed record CombineParameters
{
    /// <summary>Median combine, no rejection, no scaling, 512 MiB budget.</summary>
    public static CombineParameters Default { get; } = new();

    /// <summary>How accepted values become one. Default <see cref="CombineMethod.Median"/>.</summary>
    public CombineMethod Method { get; init; } = CombineMethod.Median;

    /// <summary>Outlier rejection before combining. Default none.</summary>
    public RejectionMethod Rejection { get; init; } = RejectionMethod.None;

    /// <summary>Lower threshold, in σ, for the sigma-type rejections (values below centre − SigmaLow·σ go). Default 3.</summary>
    public double SigmaLow { get; init; } = 3;

    /// <summary>Upper threshold, in σ, for the sigma-type rejections (values above centre + SigmaHigh·σ go). Default 3.</summary>
    public double SigmaHigh { get; init; } = 3;

    /// <summary>Most rejection iterations (1 = a single pass, as ccdproc's sigma clipping). Default 5.</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>Centre of <see cref="RejectionMethod.SigmaClip"/>. Default median.</summary>
    public CentreFunction ClipCentre { get; init; } = CentreFunction.Median;

    /// <summary>Spread of <see cref="RejectionMethod.SigmaClip"/>: standard deviation (ddof 0, as astropy) or MAD-sigma. Default standard deviation.</summary>
    public SpreadFunction ClipSpread { get; init; } = SpreadFunction.StandardDeviation;

    /// <summary>Values rejected at the low end by <see cref="RejectionMethod.MinMax"/> (for a full stack). Default 1.</summary>
    public int RejectLow { get; init; } = 1;

    /// <summary>Values rejected at the high end by <see cref="RejectionMethod.MinMax"/> (for a full stack). Default 1.</summary>
    public int RejectHigh { get; init; } = 1;

    /// <summary>Multiplicative normalisation of the frames. Default none.</summary>
    public ScaleMethod Scale { get; init; } = ScaleMethod.None;

    /// <summary>Additive normalisation of the frames (after scaling). Default none.</summary>
    public OffsetMethod Offset { get; init; } = OffsetMethod.None;

    /// <summary>
    /// The most pixels per frame read to measure a scale or offset level: frames up to this size are
    /// measured exactly, bigger ones on this many pixels in evenly spaced whole rows (the median of
    /// 262 144 pixels is within 0.3% of σ of the full-frame median). Default 262 144.
    /// </summary>
    public int ScaleSamplePixels { get; init; } = 1 << 18;

    /// <summary>Where the output variance comes from. Default <see cref="VarianceMode.Auto"/>.</summary>
    public VarianceMode Variance { get; init; } = VarianceMode.Auto;

    /// <summary>Input mask bits that exclude a value from its pixel's stack. Default <see cref="MaskBits.Unusable"/>.</summary>
    public MaskBits RejectMask { get; init; } = MaskBits.Unusable;

    /// <summary>Data value written where no frame contributes (the pixel is flagged <see cref="MaskBits.NoData"/>, its variance NaN). Default NaN.</summary>
    public float BlankValue { get; init; } = float.NaN;

    /// <summary>
    /// Bytes the combination may use: the result planes (14 bytes per pixel: data, variance, mask,
    /// frames used, rejected count) plus the row bands read from every frame. Bands are made as
    /// tall as the budget allows. 0 means no limit (one band). Default 512 MiB.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = 512L << 20;

    /// <summary>
    /// Preferred bytes of one row band over all frames (the pixels read before they are combined):
    /// bands are made at most this big even when the budget allows more, because a band that still
    /// sits in the processor caches when it is combined, and whose buffers are reused, is faster than
    /// one holding the whole stack (measured: 20 × 2048² frames combine about twice as fast in 32 MiB
    /// bands as in one 320 MiB band). 0: as big as the budget allows. Default 32 MiB.
    /// </summary>
    public long TargetBandBytes { get; init; } = 32L << 20;

    /// <summary>Most threads used; null: all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    /// <exception cref="ArgumentException">An unknown enum value.</exception>
    public void Validate()
    {
        CheckEnum(Method);
        CheckEnum(Rejection);
        CheckEnum(ClipCentre);
        CheckEnum(ClipSpread);
        CheckEnum(Scale);
        CheckEnum(Offset);
        CheckEnum(Variance);
        if (Rejection is RejectionMethod.SigmaClip or RejectionMethod.PercentileClip or RejectionMethod.WinsorizedSigmaClip)
        {
            if (!(SigmaLow > 0) || !double.IsFinite(SigmaLow)) throw new ArgumentOutOfRangeException(nameof(SigmaLow), $"sigma-low {SigmaLow} must be a positive finite number");
            if (!(SigmaHigh > 0) || !double.IsFinite(SigmaHigh)) throw new ArgumentOutOfRangeException(nameof(SigmaHigh), $"sigma-high {SigmaHigh} must be a positive finite number");
        }
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), $"maximum iterations {MaxIterations} must be at least 1");
        if (RejectLow < 0 || RejectHigh < 0) throw new ArgumentOutOfRangeException(nameof(RejectLow), $"min/max rejection counts ({RejectLow}, {RejectHigh}) must be ≥ 0");
        if (ScaleSamplePixels < 1) throw new ArgumentOutOfRangeException(nameof(ScaleSamplePixels), $"scale sample {ScaleSamplePixels} must be at least 1 pixel");
        if (TargetBandBytes < 0) throw new ArgumentOutOfRangeException(nameof(TargetBandBytes), $"target band size {TargetBandBytes} must be ≥ 0 (0: as big as the budget allows)");
        if (MemoryBudgetBytes < 0) throw new ArgumentOutOfRangeException(nameof(MemoryBudgetBytes), $"memory budget {MemoryBudgetBytes} must be ≥ 0 (0: no limit)");
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), $"parallelism {MaxDegreeOfParallelism} must be at least 1");
    }

    private static void CheckEnum<T>(T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value)) throw new ArgumentException($"{value} is not a valid {typeof(T).Name}");
    }
}
