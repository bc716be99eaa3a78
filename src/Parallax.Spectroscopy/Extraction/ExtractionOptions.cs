namespace Parallax.Spectroscopy.Extraction;

/// <summary>Apertures and rejection for <see cref="BoxcarExtractor"/> and <see cref="OptimalExtractor"/>. Pixel quantities are rows of the frame.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>Half-width of the boxcar aperture about the trace, rows (default 0: 1.5 × the trace's FWHM, so a 3-FWHM aperture); end pixels count by the fraction inside.</summary>
    public double BoxcarHalfWidth { get; init; }

    /// <summary>Half-width of the window over which the optimal extraction's profile is built and used, rows (default 0: 3 × the trace's FWHM, at least 4).</summary>
    public double ProfileHalfWidth { get; init; }

    /// <summary>Columns over which the spatial profile is averaged along the dispersion (odd; default 31).</summary>
    public int ProfileSmoothing { get; init; } = 31;

    /// <summary>Pixels more than this many σ above the scaled profile are rejected (cosmic rays), the worst first, one per column per iteration (default 5).</summary>
    public double RejectSigma { get; init; } = 5;

    /// <summary>Rejection passes per column at most (default 10).</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>
    /// Whether the optimal weights use Horne's variance model: the variance plane with its Poisson part moved from the data
    /// to the model, V − max(D, 0) + max(f P + S, 0) (default true). Needs a frame in electrons whose variance is
    /// max(D, 0) plus a constant (read noise, dark); the data's own variance biases the weights toward low pixels.
    /// </summary>
    public bool ModelVariance { get; init; } = true;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (!(BoxcarHalfWidth >= 0)) throw new ArgumentException($"BoxcarHalfWidth {BoxcarHalfWidth} must not be negative");
        if (!(ProfileHalfWidth >= 0)) throw new ArgumentException($"ProfileHalfWidth {ProfileHalfWidth} must not be negative");
        if (ProfileSmoothing < 1 || ProfileSmoothing % 2 == 0) throw new ArgumentException($"ProfileSmoothing {ProfileSmoothing} must be a positive odd number");
        if (!(RejectSigma > 0)) throw new ArgumentException($"RejectSigma {RejectSigma} must be positive");
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations {MaxIterations} must not be negative");
    }
}
