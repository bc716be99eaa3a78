namespace Parallax.Imaging.Cosmics;

/// <summary>
/// Settings of L.A.Cosmic cosmic-ray detection (van Dokkum 2001, PASP 113, 1420), with the names,
/// meanings and defaults of astroscrappy's detect_cosmics. The detector works in electrons: the
/// data are multiplied by <see cref="Gain"/> first, so give the gain in electrons per data unit
/// (1 when the image is already in electrons). Immutable; <see cref="Validate"/> checks the fields together.
/// </summary>
public sealed record CosmicRayParameters
{
    /// <summary>Laplacian-to-noise limit for a cosmic-ray pixel; lower flags more. Default 4.5.</summary>
    public double SigClip { get; init; } = 4.5;

    /// <summary>Fraction of <see cref="SigClip"/> used as the limit for neighbours of a detected pixel. Default 0.3.</summary>
    public double SigFrac { get; init; } = 0.3;

    /// <summary>Minimum contrast between the Laplacian image and the fine-structure image; raise it if star cores are flagged. Default 5.</summary>
    public double ObjLim { get; init; } = 5.0;

    /// <summary>Gain in electrons per data unit (e⁻/ADU for ADU data, 1 for electrons). Default 1.</summary>
    public double Gain { get; init; } = 1.0;

    /// <summary>Read noise in electrons (rms), used in the noise model. Default 6.5.</summary>
    public double ReadNoise { get; init; } = 6.5;

    /// <summary>
    /// Saturation level in electrons (data × gain). Pixels at or above it whose 5 × 5 median (7-pixel
    /// separable) exceeds a tenth of it mark a saturated star: they are grown by two 5 × 5 dilations
    /// and excluded. Infinity turns it off. Default 65536.
    /// </summary>
    public double SatLevel { get; init; } = 65536.0;

    /// <summary>Maximum number of detect-and-clean iterations; stops early when one finds nothing. Default 4.</summary>
    public int Iterations { get; init; } = 4;

    /// <summary>Use separable median filters (faster, close to the square ones). Default true.</summary>
    public bool SeparableMedian { get; init; } = true;

    /// <summary>How detected pixels are replaced. Default <see cref="Cosmics.CleanType.MeanMask"/>.</summary>
    public CleanType CleanType { get; init; } = CleanType.MeanMask;

    /// <summary>How the fine-structure image is built. Default <see cref="FineStructureMode.Median"/>.</summary>
    public FineStructureMode FineStructure { get; init; } = FineStructureMode.Median;

    /// <summary>PSF kernel shape for <see cref="FineStructureMode.Convolve"/>. Default Gaussian.</summary>
    public PsfModel PsfModel { get; init; } = PsfModel.Gauss;

    /// <summary>PSF full width at half maximum in pixels, for <see cref="FineStructureMode.Convolve"/>. Default 2.5.</summary>
    public double PsfFwhm { get; init; } = 2.5;

    /// <summary>Side of the PSF kernel in pixels (odd). Default 7.</summary>
    public int PsfSize { get; init; } = 7;

    /// <summary>Moffat index β for <see cref="PsfModel.Moffat"/>. Default 4.765.</summary>
    public double PsfBeta { get; init; } = 4.765;

    /// <summary>
    /// Mask bits that exclude a pixel from detection and from the replacement of its neighbours (the
    /// input mask; grown by one pixel as astroscrappy does). Default <see cref="MaskBits.Unusable"/>
    /// without <see cref="MaskBits.CosmicRay"/>, so earlier cosmic-ray flags do not hide pixels.
    /// </summary>
    public MaskBits IgnoreBits { get; init; } = MaskBits.Unusable & ~MaskBits.CosmicRay;

    /// <summary>Throws when a value is out of range or the values do not fit together.</summary>
    /// <exception cref="ArgumentException">The first problem found, naming the field.</exception>
    public void Validate()
    {
        Positive(SigClip, nameof(SigClip));
        if (!(SigFrac > 0 && SigFrac <= 1)) throw new ArgumentException($"{nameof(SigFrac)} must be in (0, 1], not {SigFrac}", nameof(SigFrac));
        if (!(ObjLim >= 0) || double.IsInfinity(ObjLim)) throw new ArgumentException($"{nameof(ObjLim)} must be finite and ≥ 0, not {ObjLim}", nameof(ObjLim));
        Positive(Gain, nameof(Gain));
        if (!(ReadNoise >= 0) || double.IsInfinity(ReadNoise)) throw new ArgumentException($"{nameof(ReadNoise)} must be finite and ≥ 0, not {ReadNoise}", nameof(ReadNoise));
        if (!(SatLevel > 0)) throw new ArgumentException($"{nameof(SatLevel)} must be > 0 (infinity for none), not {SatLevel}", nameof(SatLevel));
        if (Iterations < 1 || Iterations > 100) throw new ArgumentException($"{nameof(Iterations)} must be 1..100, not {Iterations}", nameof(Iterations));
        if (!Enum.IsDefined(CleanType)) throw new ArgumentException($"unknown {nameof(CleanType)} {CleanType}", nameof(CleanType));
        if (!Enum.IsDefined(FineStructure)) throw new ArgumentException($"unknown {nameof(FineStructure)} {FineStructure}", nameof(FineStructure));
        if (!Enum.IsDefined(PsfModel)) throw new ArgumentException($"unknown {nameof(PsfModel)} {PsfModel}", nameof(PsfModel));
        Positive(PsfFwhm, nameof(PsfFwhm));
        if (PsfSize < 1 || PsfSize > 31 || PsfSize % 2 == 0) throw new ArgumentException($"{nameof(PsfSize)} must be odd, 1..31, not {PsfSize}", nameof(PsfSize));
        Positive(PsfBeta, nameof(PsfBeta));
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new ArgumentException($"{name} must be finite and > 0, not {value}", name);
    }
}
