namespace Parallax.Spectroscopy.Tracing;

/// <summary>How <see cref="TraceFitter"/> follows an object along the dispersion.</summary>
public sealed record TraceOptions
{
    /// <summary>The default options.</summary>
    public static TraceOptions Default { get; } = new();

    /// <summary>Columns summed into one spatial profile where the centre is measured (default 32).</summary>
    public int BinWidth { get; init; } = 32;

    /// <summary>Half-height of the window around the expected row in which the profile is fitted, rows (default 0: 3 FWHM, at least 5).</summary>
    public double Window { get; init; }

    /// <summary>Order of the Legendre polynomial fitted to the centres (default 3).</summary>
    public int Order { get; init; } = 3;

    /// <summary>Minimum flux signal-to-noise of a bin's profile for its centre to be used (default 5).</summary>
    public double MinimumSignalToNoise { get; init; } = 5;

    /// <summary>Rejection threshold in units of each centre's error for centres off the fit (default 4).</summary>
    public double RejectSigma { get; init; } = 4;

    /// <summary>Rejection passes (default 5).</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (BinWidth < 1) throw new ArgumentException($"BinWidth {BinWidth} must be at least 1");
        if (!(Window >= 0)) throw new ArgumentException($"Window {Window} must not be negative");
        if (Order is < 0 or > 10) throw new ArgumentException($"Order {Order} must be 0..10");
        if (!(MinimumSignalToNoise > 0)) throw new ArgumentException($"MinimumSignalToNoise {MinimumSignalToNoise} must be positive");
        if (!(RejectSigma > 0)) throw new ArgumentException($"RejectSigma {RejectSigma} must be positive");
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations {MaxIterations} must not be negative");
    }
}
