namespace Parallax.Spectroscopy.Combine;

/// <summary>How several spectra of one target are combined (immutable; <see cref="SpectrumCoadder"/> executes it).</summary>
public sealed record CoaddOptions
{
    /// <summary>Output pixel centres, Å, ascending; null: <see cref="WavelengthGrid.Common"/> of the inputs.</summary>
    public double[]? Grid { get; init; }

    /// <summary>
    /// Scale every input to the reference's level (the first input) by the median of the pixel ratios reference / input
    /// where both are usable and positive: takes out slit losses and transparency changes. Default true.
    /// </summary>
    public bool Scale { get; init; } = true;

    /// <summary>An input value further than this many of its own σ from the pixel's centre (median, then weighted mean) is rejected; &gt; 0. Default 4.</summary>
    public double RejectionSigma { get; init; } = 4;

    /// <summary>Most rejection passes per pixel, ≥ 0 (0: no rejection). Rejection needs three or more usable inputs at the pixel. Default 3.</summary>
    public int MaxIterations { get; init; } = 3;

    /// <summary>Fraction (0, 1] of an output pixel that an input's usable pixels must cover for it to contribute. Default 0.5.</summary>
    public double MinimumCoverage { get; init; } = 0.5;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(RejectionSigma > 0) || !double.IsFinite(RejectionSigma)) throw new ArgumentOutOfRangeException(nameof(RejectionSigma), $"rejection sigma {RejectionSigma} must be positive and finite");
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), $"maximum iterations {MaxIterations} must be ≥ 0");
        if (!(MinimumCoverage > 0 && MinimumCoverage <= 1)) throw new ArgumentOutOfRangeException(nameof(MinimumCoverage), $"minimum coverage {MinimumCoverage} must lie in (0, 1]");
    }
}
