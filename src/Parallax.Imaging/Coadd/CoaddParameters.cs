using Parallax.Imaging.Background;
using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Coadd;

/// <summary>What <see cref="CoaddBuilder"/> does: an immutable record, checked by <see cref="Validate"/>. The defaults follow SWarp's (Lanczos-3, flux-conserving, background subtracted, clipped weighted mean).</summary>
public sealed record CoaddParameters
{
    /// <summary>The defaults.</summary>
    public static CoaddParameters Default { get; } = new();

    /// <summary>Interpolation kernel of the resampling. Default Lanczos-3.</summary>
    public InterpolationKernel Kernel { get; init; } = InterpolationKernel.Lanczos3;

    /// <summary>Output pixel size in degrees; null: the median of the frames' own pixel scales.</summary>
    public double? PixelScale { get; init; }

    /// <summary>Subtract each frame's background (<see cref="BackgroundEstimator"/>, SWarp's BACK_TYPE AUTO) before resampling. Default true.</summary>
    public bool SubtractBackground { get; init; } = true;

    /// <summary>Mesh and filter of the background model. Default 64 × 64 boxes, 3 × 3 filter.</summary>
    public BackgroundParameters Background { get; init; } = BackgroundParameters.Default;

    /// <summary>Frame weights. Default <see cref="CoaddWeighting.InverseVariance"/>.</summary>
    public CoaddWeighting Weighting { get; init; } = CoaddWeighting.InverseVariance;

    /// <summary>
    /// Clipping threshold κ in σ: a value further than κ·√(σᵢ² + (a·c)²) from the pixel's median c (σᵢ² its own variance, a =
    /// <see cref="ClipAmplitudeFraction"/>) is left out, repeated until nothing changes; pixels with fewer than three values are not
    /// clipped. 0 turns clipping off. Default 3.
    /// </summary>
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>Fraction of the signal allowed to differ between frames before clipping (SWarp's CLIP_AMPFRAC): spares star cores that seeing or sub-pixel alignment make differ. Default 0.3.</summary>
    public double ClipAmplitudeFraction { get; init; } = 0.3;

    /// <summary>Most clipping passes per pixel. Default 5.</summary>
    public int ClipIterations { get; init; } = 5;

    /// <summary>Input mask bits that keep a pixel out of the resampling and the combination. Default <see cref="MaskBits.Unusable"/>.</summary>
    public MaskBits RejectMask { get; init; } = MaskBits.Unusable;

    /// <summary>Where frames' WCSs come from. Default <see cref="CoaddAlignment.Auto"/>.</summary>
    public CoaddAlignment Alignment { get; init; } = CoaddAlignment.Auto;

    /// <summary>
    /// Bytes the resampled row bands may take (every frame's part of a band: value, variance and mask, 10 bytes a pixel); the output
    /// (18 bytes a pixel: SCI, VAR, DQ, EXPOSURE, WEIGHT) comes on top. Bands are made as tall as this allows. Default 64 MiB.
    /// </summary>
    public long BandBudgetBytes { get; init; } = 64L << 20;

    /// <summary>Most threads used; null: all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A value out of range, named.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kernel)) throw new ArgumentException($"unknown interpolation kernel {Kernel}", nameof(Kernel));
        if (!Enum.IsDefined(Weighting)) throw new ArgumentException($"unknown weighting {Weighting}", nameof(Weighting));
        if (!Enum.IsDefined(Alignment)) throw new ArgumentException($"unknown alignment {Alignment}", nameof(Alignment));
        if (PixelScale is { } s && !(s > 0 && double.IsFinite(s))) throw new ArgumentException($"pixel scale {s} must be a positive number of degrees", nameof(PixelScale));
        if (!(ClipSigma >= 0) || !double.IsFinite(ClipSigma)) throw new ArgumentException($"clip sigma {ClipSigma} must be ≥ 0 (0: no clipping)", nameof(ClipSigma));
        if (!(ClipAmplitudeFraction >= 0) || !double.IsFinite(ClipAmplitudeFraction)) throw new ArgumentException($"clip amplitude fraction {ClipAmplitudeFraction} must be ≥ 0", nameof(ClipAmplitudeFraction));
        if (ClipIterations < 1) throw new ArgumentException($"clip iterations {ClipIterations} must be at least 1", nameof(ClipIterations));
        if (BandBudgetBytes < 1024) throw new ArgumentException($"band budget {BandBudgetBytes} bytes is too small (at least 1 KiB)", nameof(BandBudgetBytes));
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentException($"parallelism {MaxDegreeOfParallelism} must be at least 1", nameof(MaxDegreeOfParallelism));
        Background.Validate();
    }
}
