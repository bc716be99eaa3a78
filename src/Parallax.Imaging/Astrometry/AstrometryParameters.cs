namespace Parallax.Imaging.Astrometry;

/// <summary>Settings of <see cref="AstrometricSolver"/>. Immutable; <see cref="Validate"/> checks the ranges.</summary>
public sealed record AstrometryParameters
{
    /// <summary>Order of the SIP distortion polynomials (0 or 1: TAN only; 2..5). Lowered automatically when too few stars match for it.</summary>
    public int SipOrder { get; init; } = 3;

    /// <summary>Detection threshold of the star finder, in units of the background RMS per (filtered) pixel.</summary>
    public double DetectionThreshold { get; init; } = 3.0;

    /// <summary>Smallest number of connected pixels above the threshold that make a star.</summary>
    public int MinArea { get; init; } = 3;

    /// <summary>How far the header WCS may be off, arcsec: the radius within which catalog-to-star offsets are voted on.</summary>
    public double SearchRadiusArcsec { get; init; } = 60.0;

    /// <summary>Largest distance, pixels, between a star and its projected catalog position once the offset is known.</summary>
    public double MatchRadius { get; init; } = 3.0;

    /// <summary>How many of the brightest detected stars (and twice as many catalog stars) take part in the offset vote.</summary>
    public int VoteStars { get; init; } = 150;

    /// <summary>Residuals beyond this many σ (per axis) are rejected at each iteration of the fit.</summary>
    public double ClipSigma { get; init; } = 3.0;

    /// <summary>Iterations of fit and rejection.</summary>
    public int MaxIterations { get; init; } = 6;

    /// <summary>Fewest matched stars for a solution (a TAN fit has 6 unknowns).</summary>
    public int MinMatches { get; init; } = 6;

    /// <summary>The catalog band used to rank catalog stars by brightness for the vote (null or absent: the first band, else no ranking).</summary>
    public string? Band { get; init; }

    /// <summary>Julian year of the observation, for the catalog's proper motions (NaN: positions used as given).</summary>
    public double Epoch { get; init; } = double.NaN;

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
    public void Validate()
    {
        if (SipOrder is < 0 or > 5) throw new ArgumentOutOfRangeException(nameof(SipOrder), SipOrder, "SIP order must be 0..5");
        if (!(DetectionThreshold > 0)) throw new ArgumentOutOfRangeException(nameof(DetectionThreshold), DetectionThreshold, "must be positive");
        if (MinArea < 1) throw new ArgumentOutOfRangeException(nameof(MinArea), MinArea, "must be at least 1");
        if (!(SearchRadiusArcsec > 0)) throw new ArgumentOutOfRangeException(nameof(SearchRadiusArcsec), SearchRadiusArcsec, "must be positive");
        if (!(MatchRadius > 0)) throw new ArgumentOutOfRangeException(nameof(MatchRadius), MatchRadius, "must be positive");
        if (VoteStars < 3) throw new ArgumentOutOfRangeException(nameof(VoteStars), VoteStars, "must be at least 3");
        if (!(ClipSigma > 1)) throw new ArgumentOutOfRangeException(nameof(ClipSigma), ClipSigma, "must be above 1");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "must be at least 1");
        if (MinMatches < 3) throw new ArgumentOutOfRangeException(nameof(MinMatches), MinMatches, "must be at least 3");
    }
}
