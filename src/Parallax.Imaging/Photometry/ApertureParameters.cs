using Parallax.Imaging.Statistics;

namespace Parallax.Imaging.Photometry;

/// <summary>Circular aperture photometry settings: the aperture radius and an optional sky annulus.</summary>
public sealed record ApertureParameters
{
    /// <summary>Aperture radius in pixels. Default 5.</summary>
    public double Radius { get; init; } = 5;

    /// <summary>Inner radius of the sky annulus in pixels; null (with <see cref="AnnulusOuter"/>) for no local sky.</summary>
    public double? AnnulusInner { get; init; }

    /// <summary>Outer radius of the sky annulus in pixels; null for no local sky.</summary>
    public double? AnnulusOuter { get; init; }

    /// <summary>Pixels with these mask bits (and NaN pixels) are left out of the aperture and the annulus. Default <see cref="MaskBits.Unusable"/>.</summary>
    public MaskBits RejectMask { get; init; } = MaskBits.Unusable;

    /// <summary>Clipping of the annulus pixels before their median is taken. Default 3σ, 5 iterations (astropy's sigma_clipped_stats).</summary>
    public SigmaClipOptions SkyClip { get; init; } = SigmaClipOptions.Default;

    /// <summary>Fewest usable annulus pixels for a local sky; with fewer, no local sky is subtracted and <see cref="Sources.SourceFlags.SkyFallback"/> is set. Default 10.</summary>
    public int MinSkyPixels { get; init; } = 10;

    /// <summary>True when a sky annulus is set.</summary>
    public bool HasAnnulus => AnnulusInner is not null && AnnulusOuter is not null;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A radius that is not positive and finite, or an annulus without 0 ≤ inner an annulus that is not Radius ≤ inner &lt; outer... with only one radius given.lt; outer, or only one annulus radius.</exception>
    public void Validate()
    {
        if (!(Radius > 0) || !double.IsFinite(Radius)) throw new ArgumentOutOfRangeException(nameof(Radius), $"aperture radius {Radius} must be a positive number of pixels");
        if ((AnnulusInner is null) != (AnnulusOuter is null)) throw new ArgumentOutOfRangeException(nameof(AnnulusInner), "the sky annulus needs both an inner and an outer radius");
        if (HasAnnulus && !(AnnulusInner >= 0 && AnnulusOuter > AnnulusInner && double.IsFinite(AnnulusOuter!.Value)))
            throw new ArgumentOutOfRangeException(nameof(AnnulusOuter), $"sky annulus {AnnulusInner}..{AnnulusOuter} must have 0 ≤ inner < outer");
        if (MinSkyPixels < 1) throw new ArgumentOutOfRangeException(nameof(MinSkyPixels), $"minimum sky pixels {MinSkyPixels} must be at least 1");
        SkyClip.Validate();
    }
}
