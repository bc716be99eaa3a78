namespace Parallax.Imaging.Resampling;

/// <summary>
/// Samples a <see cref="MaskedImage"/> at arbitrary zero-based positions with one of the
/// <see cref="InterpolationKernel"/>s, carrying variance (Σ wᵢ² σᵢ²) and mask (OR of the pixels used). Pixels whose
/// mask has a bit of <see cref="RejectMask"/> set, non-finite pixels and positions beyond the edge are handled by
/// <see cref="Policy"/>. Thread-safe (it only reads the image); allocates nothing per sample.
/// </summary>
public sealed class ImageInterpolator
{
    private readonly KernelSampler _sampler;

    /// <summary>Creates an interpolator over <paramref name="image"/> (not copied: do not change its pixels while sampling, since whether it has any variance or mask is noted here).</summary>
    /// <param name="image">The image to sample.</param>
    /// <param name="kernel">Interpolation kernel.</param>
    /// <param name="policy">What a masked, non-finite or out-of-bounds pixel in the kernel support does.</param>
    /// <param name="rejectMask">Mask bits that make a pixel unusable; default <see cref="MaskBits.Unusable"/>.</param>
    /// <param name="minimumCoverage">With <see cref="BadPixelPolicy.Renormalise"/>, the least fraction of kernel weight that must remain (0..1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kernel or policy, or a coverage outside (0, 1].</exception>
    public ImageInterpolator(MaskedImage image, InterpolationKernel kernel, BadPixelPolicy policy = BadPixelPolicy.Renormalise,
        MaskBits rejectMask = MaskBits.Unusable, double minimumCoverage = 0.5)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!Enum.IsDefined(policy)) throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown bad-pixel policy");
        if (!(minimumCoverage > 0.0 && minimumCoverage <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(minimumCoverage), minimumCoverage, "minimum coverage must be in (0, 1]");
        _ = InterpolationKernels.Taps(kernel);
        Image = image;
        Kernel = kernel;
        Policy = policy;
        RejectMask = rejectMask;
        _sampler = new KernelSampler(image, kernel, policy, rejectMask, minimumCoverage);
    }

    /// <summary>The image sampled.</summary>
    public MaskedImage Image { get; }

    /// <summary>The kernel.</summary>
    public InterpolationKernel Kernel { get; }

    /// <summary>The bad-pixel policy.</summary>
    public BadPixelPolicy Policy { get; }

    /// <summary>Mask bits that make an input pixel unusable.</summary>
    public MaskBits RejectMask { get; }

    /// <summary>
    /// The interpolated sample at zero-based (x, y) (the centre of the first pixel is (0, 0)). A non-finite position
    /// or one whose whole support is outside the image gives a dropped sample (NaN, NoData, coverage 0).
    /// </summary>
    public InterpolatedSample Sample(double x, double y)
    {
        Span<double> wx = stackalloc double[InterpolationKernels.MaxTaps];
        Span<double> wy = stackalloc double[InterpolationKernels.MaxTaps];
        return _sampler.Sample(x, y, wx, wy);
    }

    /// <summary>The interpolated value at (x, y): NaN where the sample is dropped.</summary>
    public float this[double x, double y] => Sample(x, y).Value;
}
