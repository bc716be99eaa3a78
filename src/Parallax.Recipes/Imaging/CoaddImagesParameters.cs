using Parallax.Imaging.Coadd;
using Parallax.Imaging.Resampling;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Imaging;

/// <summary>Parameters of <see cref="CoaddImages"/>.</summary>
public sealed record CoaddImagesParameters : RecipeParameters
{
    /// <summary>Interpolation kernel of the resampling.</summary>
    [Parameter("Interpolation kernel used to resample each frame onto the coadd grid (lanczos3 as SWarp; bilinear or nearest for speed).")]
    public InterpolationKernel Interpolation { get; init; } = InterpolationKernel.Lanczos3;

    /// <summary>Clipping threshold; 0 turns clipping off.</summary>
    [Parameter("Leave out a value further than this many sigma (its own, widened by clip_amplitude of the signal) from the pixel's median (pixels with 3 or more values). 0 turns clipping off.", Minimum = 0, Maximum = 100, Unit = "sigma")]
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>Fraction of the signal allowed to differ between frames before clipping (SWarp CLIP_AMPFRAC).</summary>
    [Parameter("Fraction of the signal frames may differ by before a value is clipped (SWarp's CLIP_AMPFRAC): protects star cores from seeing differences.", Minimum = 0, Maximum = 10)]
    public double ClipAmplitude { get; init; } = 0.3;

    /// <summary>Frame weights.</summary>
    [Parameter("Weight of each frame in the mean: inverse_variance (1 / its median variance), exposure (its exposure time) or uniform.")]
    public CoaddWeighting Weighting { get; init; } = CoaddWeighting.InverseVariance;

    /// <summary>Output pixel scale in arcseconds; 0 keeps the inputs' own (their median).</summary>
    [Parameter("Output pixel size; 0 keeps the inputs' own scale (the median of the frames').", Minimum = 0, Maximum = 3600, Unit = "arcsec")]
    public double PixelScale { get; init; }

    /// <summary>Subtract each frame's background before combining.</summary>
    [Parameter("Subtract each frame's background (64-pixel mesh, as SWarp's BACK_TYPE AUTO) before resampling; false keeps the sky in the coadd.")]
    public bool SubtractBackground { get; init; } = true;

    /// <summary>Where the frames' WCSs come from.</summary>
    [Parameter("auto: each frame's own WCS (astrometric solution) when it has one, else a star match to the first frame; stars: align every frame on its stars to the first frame and carry that frame's WCS.")]
    public CoaddAlignment Align { get; init; } = CoaddAlignment.Auto;

    /// <summary>Aperture radius of the catalog's photometry, in units of the coadd's median FWHM.</summary>
    [Parameter("Radius of the catalog's circular aperture in units of the coadd's median stellar FWHM (at least 2 pixels); the local sky is taken 3 to 8 pixels beyond it.", Minimum = 0.5, Maximum = 20, Unit = "fwhm")]
    public double ApertureFwhm { get; init; } = 3.0;

    /// <summary>Detection threshold of the catalog.</summary>
    [Parameter("Detection threshold of the coadd's source catalog, in units of the background RMS (after a 3x3 filter, as SExtractor's DETECT_THRESH).", Minimum = 0.5, Maximum = 1000, Unit = "sigma")]
    public double DetectSigma { get; init; } = 3.0;
}
