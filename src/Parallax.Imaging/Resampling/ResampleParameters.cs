namespace Parallax.Imaging.Resampling;

/// <summary>How <see cref="Resampler"/> puts an image onto a target grid. Immutable; <see cref="Validate"/> checks the fields together.</summary>
public sealed record ResampleParameters
{
    /// <summary>Interpolation kernel. Default Lanczos-3 (SWarp's default).</summary>
    public InterpolationKernel Kernel { get; init; } = InterpolationKernel.Lanczos3;

    /// <summary>
    /// False (default): the output is a surface brightness, the interpolated input value, so a uniform sky stays at
    /// its level. True: the output conserves flux, each value multiplied by the ratio of output to input pixel area
    /// (|det J| of the output→input pixel mapping, exact per pixel), so sums over a source are preserved under a
    /// change of scale. Variance is multiplied by the square of the same factor.
    /// </summary>
    public bool FluxConserving { get; init; }

    /// <summary>What a masked, non-finite or out-of-bounds pixel in a kernel support does. Default <see cref="BadPixelPolicy.Renormalise"/>.</summary>
    public BadPixelPolicy BadPixels { get; init; } = BadPixelPolicy.Renormalise;

    /// <summary>Input mask bits that make a pixel unusable. Default <see cref="MaskBits.Unusable"/>.</summary>
    public MaskBits RejectMask { get; init; } = MaskBits.Unusable;

    /// <summary>With <see cref="BadPixelPolicy.Renormalise"/>, the least fraction of the kernel weight that must fall on usable pixels, in (0, 1]. Default 0.5.</summary>
    public double MinimumCoverage { get; init; } = 0.5;

    /// <summary>
    /// Largest error allowed, in input pixels, of the interpolated output→input position mapping (exact transforms
    /// on a coarse grid, bilinear between nodes, as SWarp's PROJECTION_ERR). The grid is refined until the error
    /// measured at every cell centre is below it. Default 0.001 px; 0 asks for exact transforms at every pixel.
    /// </summary>
    public double MappingTolerance { get; init; } = 0.001;

    /// <summary>Coarsest node spacing of the mapping grid, output pixels (a power of two is not required). Default 64.</summary>
    public int MaxMappingStep { get; init; } = 64;

    /// <summary>Checks the fields.</summary>
    /// <exception cref="ArgumentException">A value out of range (named).</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kernel)) throw new ArgumentException($"unknown interpolation kernel {Kernel}", nameof(Kernel));
        if (!Enum.IsDefined(BadPixels)) throw new ArgumentException($"unknown bad-pixel policy {BadPixels}", nameof(BadPixels));
        if (!(MinimumCoverage > 0.0 && MinimumCoverage <= 1.0)) throw new ArgumentException($"minimum coverage {MinimumCoverage} must be in (0, 1]", nameof(MinimumCoverage));
        if (!(MappingTolerance >= 0.0) || double.IsInfinity(MappingTolerance)) throw new ArgumentException($"mapping tolerance {MappingTolerance} must be a finite number ≥ 0", nameof(MappingTolerance));
        if (MaxMappingStep < 1) throw new ArgumentException($"mapping step {MaxMappingStep} must be at least 1", nameof(MaxMappingStep));
    }
}
