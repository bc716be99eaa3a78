namespace Parallax.Imaging.Photometry;

/// <summary>Settings of <see cref="ZeroPointCalculator"/>. Immutable; <see cref="Validate"/> checks the ranges.</summary>
public sealed record ZeroPointParameters
{
    /// <summary>Aperture radius in units of the stellar FWHM.</summary>
    public double ApertureFwhm { get; init; } = 2.0;

    /// <summary>Smallest aperture radius, pixels (for undersampled frames).</summary>
    public double MinRadius { get; init; } = 2.0;

    /// <summary>
    /// Radius of the large aperture that measures the aperture correction (curve of growth), in FWHM (a Moffat of β = 3
    /// has 99.7 % of its light within 4 FWHM); the local sky annulus lies beyond it, from 1.2 to 1.8 times this radius.
    /// Larger radii collect more light from neighbours than they recover from the wings.
    /// </summary>
    public double TotalFwhm { get; init; } = 4.0;

    /// <summary>Stars whose flux in the aperture is below this signal-to-noise ratio are left out.</summary>
    public double MinSignalToNoise { get; init; } = 10.0;

    /// <summary>Per-star zero points beyond this many robust σ from the current estimate are rejected.</summary>
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>Magnitude error added in quadrature to each star's photon noise when weighting (flat-field and PSF variations).</summary>
    public double ErrorFloor { get; init; } = 0.01;

    /// <summary>Fit a linear colour term (needs a colour per star).</summary>
    public bool FitColourTerm { get; init; }

    /// <summary>Fewest stars for a zero point.</summary>
    public int MinStars { get; init; } = 3;

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
    public void Validate()
    {
        if (!(ApertureFwhm > 0)) throw new ArgumentOutOfRangeException(nameof(ApertureFwhm), ApertureFwhm, "must be positive");
        if (!(MinRadius > 0)) throw new ArgumentOutOfRangeException(nameof(MinRadius), MinRadius, "must be positive");
        if (!(TotalFwhm > ApertureFwhm)) throw new ArgumentOutOfRangeException(nameof(TotalFwhm), TotalFwhm, "must exceed ApertureFwhm");
        if (!(MinSignalToNoise >= 0)) throw new ArgumentOutOfRangeException(nameof(MinSignalToNoise), MinSignalToNoise, "must not be negative");
        if (!(ClipSigma > 1)) throw new ArgumentOutOfRangeException(nameof(ClipSigma), ClipSigma, "must be above 1");
        if (!(ErrorFloor >= 0)) throw new ArgumentOutOfRangeException(nameof(ErrorFloor), ErrorFloor, "must not be negative");
        if (MinStars < 1) throw new ArgumentOutOfRangeException(nameof(MinStars), MinStars, "must be at least 1");
    }
}
