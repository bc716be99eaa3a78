namespace Parallax.Spectroscopy.Arcs;

/// <summary>How <see cref="LineTiltTracer"/> follows arc lines across the slit and fits their tilt.</summary>
public sealed record LineTiltOptions
{
    /// <summary>The default options.</summary>
    public static LineTiltOptions Default { get; } = new();

    /// <summary>Rows averaged into one measurement of a line's column (default 5).</summary>
    public int RowBin { get; init; } = 5;

    /// <summary>Half-width of the column window fitted around the line's expected column, pixels (default 3).</summary>
    public int HalfWidth { get; init; } = 3;

    /// <summary>Lines traced must stand this many σ above the noise in the extracted spectrum (default 30).</summary>
    public double MinimumSignificance { get; init; } = 30;

    /// <summary>Slit positions (fractions of the slit length) kept clear at each end (default 0.03).</summary>
    public double EdgeMargin { get; init; } = 0.03;

    /// <summary>Order of the surface along the dispersion (default 2).</summary>
    public int DispersionOrder { get; init; } = 2;

    /// <summary>Order of the surface along the slit (default 2).</summary>
    public int SlitOrder { get; init; } = 2;

    /// <summary>Rejection threshold in units of the surface's rms (default 3).</summary>
    public double RejectSigma { get; init; } = 3;

    /// <summary>Checks the fields.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (RowBin < 1) throw new ArgumentException($"RowBin {RowBin} must be at least 1");
        if (HalfWidth < 2) throw new ArgumentException($"HalfWidth {HalfWidth} must be at least 2");
        if (!(MinimumSignificance > 0)) throw new ArgumentException($"MinimumSignificance {MinimumSignificance} must be positive");
        if (!(EdgeMargin is >= 0 and < 0.5)) throw new ArgumentException($"EdgeMargin {EdgeMargin} must be in 0..0.5");
        if (DispersionOrder is < 0 or > 6 || SlitOrder is < 1 or > 6) throw new ArgumentException("DispersionOrder must be 0..6 and SlitOrder 1..6");
        if (!(RejectSigma > 0)) throw new ArgumentException($"RejectSigma {RejectSigma} must be positive");
    }
}
