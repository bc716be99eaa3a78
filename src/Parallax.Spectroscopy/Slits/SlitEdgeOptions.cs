namespace Parallax.Spectroscopy.Slits;

/// <summary>
/// How <see cref="SlitEdgeFinder"/> finds and fits the two edges of a long slit on a flat whose dispersion runs
/// along x (NAXIS1) and whose slit runs along y. Pixel quantities are in pixels of the image given.
/// </summary>
public sealed record SlitEdgeOptions
{
    /// <summary>The default options.</summary>
    public static SlitEdgeOptions Default { get; } = new();

    /// <summary>Columns collapsed (by a median, which ignores cosmic rays and bad columns) into one spatial profile (default 16).</summary>
    public int BandWidth { get; init; } = 16;

    /// <summary>Half-width in rows of the window in which an edge is measured (default 5): it must hold the whole
    /// rise of the edge and a little of the flat level on either side.</summary>
    public int EdgeWindow { get; init; } = 5;

    /// <summary>Rows an edge may move from one band to the next while it is followed (default 4).</summary>
    public int SearchRadius { get; init; } = 4;

    /// <summary>Minimum edge strength: the gradient peak in units of the profile's noise (default 10).</summary>
    public double MinimumSignificance { get; init; } = 10;

    /// <summary>Order of the Legendre polynomial fitted to each edge along the dispersion (default 3).</summary>
    public int Order { get; init; } = 3;

    /// <summary>Rejection threshold, in units of the fit's rms, for band measurements off the fitted edge (default 3).</summary>
    public double RejectSigma { get; init; } = 3;

    /// <summary>Rejection passes (default 5).</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (BandWidth < 1) throw new ArgumentException($"BandWidth {BandWidth} must be at least 1");
        if (EdgeWindow < 2) throw new ArgumentException($"EdgeWindow {EdgeWindow} must be at least 2");
        if (SearchRadius < 1) throw new ArgumentException($"SearchRadius {SearchRadius} must be at least 1");
        if (!(MinimumSignificance > 0)) throw new ArgumentException($"MinimumSignificance {MinimumSignificance} must be positive");
        if (Order is < 0 or > 10) throw new ArgumentException($"Order {Order} must be 0..10");
        if (!(RejectSigma > 0)) throw new ArgumentException($"RejectSigma {RejectSigma} must be positive");
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations {MaxIterations} must not be negative");
    }
}
