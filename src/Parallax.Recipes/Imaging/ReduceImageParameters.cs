using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="ReduceImage"/>.</summary>
public sealed record ReduceImageParameters : DetectorParameters
{
    /// <summary>Subtract the master bias.</summary>
    [Parameter("Subtract the master bias (required when true).")]
    public bool SubtractBias { get; init; } = true;

    /// <summary>Subtract the master dark, scaled by exposure time, when one is available.</summary>
    [Parameter("Subtract the master dark scaled by exposure time, when one is available.")]
    public bool SubtractDark { get; init; } = true;

    /// <summary>Divide by the master flat.</summary>
    [Parameter("Divide by the master flat (required when true).")]
    public bool DivideFlat { get; init; } = true;

    /// <summary>Convert the result to electrons with each amplifier's gain.</summary>
    [Parameter("Convert the detrended frame to electrons with each amplifier's gain (variance times gain squared); false keeps ADU.")]
    public bool ToElectrons { get; init; } = true;

    /// <summary>
    /// Find and clean cosmic rays with L.A.Cosmic. Off by default: on undersampled frames (stellar
    /// FWHM below about 2 pixels, e.g. heavily binned) L.A.Cosmic takes star cores for cosmic rays,
    /// and a sigma-clipped coadd rejects cosmic rays anyway; turn it on for well-sampled single frames.
    /// </summary>
    [Parameter("Find cosmic rays with L.A.Cosmic (van Dokkum 2001), flag them CosmicRay in DQ and replace their values by the mean of good neighbours. Needs well-sampled stars (FWHM of 2 pixels or more): on undersampled frames it flags star cores.")]
    public bool CosmicRays { get; init; }

    /// <summary>L.A.Cosmic detection limit.</summary>
    [Parameter("L.A.Cosmic detection limit: Laplacian-to-noise ratio above which a pixel is a cosmic-ray candidate (astroscrappy's sigclip).", Minimum = 1, Maximum = 100, Unit = "sigma")]
    public double CrSigmaClip { get; init; } = 4.5;

    /// <summary>L.A.Cosmic contrast limit against real sources.</summary>
    [Parameter("L.A.Cosmic contrast limit between the Laplacian and the fine structure: higher spares more of the stars' cores (astroscrappy's objlim).", Minimum = 0.5, Maximum = 100)]
    public double CrObjectLimit { get; init; } = 5.0;

    /// <summary>Subtract the sky background model; off by default so that products keep their sky (a coadd subtracts its own).</summary>
    [Parameter("Subtract the sky background model (clipped mode in sky_box boxes, bicubic spline) from the reduced frame and record SKYLEVEL; the variance is unchanged (the sky's noise stays in the pixels). The sky QC (sky_e, sky_noise_e) is measured either way.")]
    public bool SubtractSky { get; init; }

    /// <summary>Box size of the sky background model.</summary>
    [Parameter("Box size of the sky background model: larger than the sources, smaller than the sky's variations.", Minimum = 8, Maximum = 4096, Unit = "pixel")]
    public int SkyBox { get; init; } = 64;

    /// <summary>Solve each frame's WCS against the reference catalog (runs only when one is given).</summary>
    [Parameter("Solve each frame's WCS (TAN + SIP) against the reference catalog given with --reference-catalog; without a catalog the step is skipped.")]
    public bool Astrometry { get; init; } = true;

    /// <summary>Order of the SIP distortion of the astrometric solution.</summary>
    [Parameter("Order of the SIP distortion polynomials of the astrometric solution (0 or 1: TAN only); lowered automatically when too few stars match.", Minimum = 0, Maximum = 5)]
    public int SipOrder { get; init; } = 3;

    /// <summary>Measure the photometric zero point from the astrometrically matched stars.</summary>
    [Parameter("Measure the photometric zero point (MAGZPT) from the stars the astrometry matched, against the catalog band of the frame's filter.")]
    public bool ZeroPoint { get; init; } = true;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!SubtractBias && !SubtractDark && !DivideFlat)
            yield return "subtract_bias, subtract_dark and divide_flat are all false: the recipe would do nothing";
    }
}
