namespace Parallax.Spectroscopy.Arcs;

/// <summary>How <see cref="ArcIdentifier"/> matches arc lines to a line list and fits the wavelength solution.</summary>
public sealed record ArcIdentifierOptions
{
    /// <summary>The default options.</summary>
    public static ArcIdentifierOptions Default { get; } = new();

    /// <summary>Brightest unblended lines used for pattern matching (default 40).</summary>
    public int PatternLines { get; init; } = 40;

    /// <summary>Neighbours a triangle may span among the measured lines (default 5) and among the list's lines (default 8 via <see cref="ListNeighbours"/>).</summary>
    public int LineNeighbours { get; init; } = 5;

    /// <summary>Neighbours a triangle may span among the list's lines (default 8: the list holds lines the arc does not show).</summary>
    public int ListNeighbours { get; init; } = 8;

    /// <summary>Tolerance on the spacing ratio of a triangle (default 0.005).</summary>
    public double RatioTolerance { get; init; } = 0.005;

    /// <summary>Legendre order of the final solution (default 4).</summary>
    public int Order { get; init; } = 4;

    /// <summary>Final match radius: a line is identified when a list line lies within this many pixels of its predicted wavelength (default 1.0).</summary>
    public double MatchRadius { get; init; } = 1.0;

    /// <summary>A list line with another list line closer than this many pixels is not used (the arc cannot separate them, and
    /// their blend sits between the two wavelengths); default 3.0.</summary>
    public double ListBlendRadius { get; init; } = 3.0;

    /// <summary>Rejection threshold in units of the fit's rms (default 3).</summary>
    public double RejectSigma { get; init; } = 3;

    /// <summary>Rejection passes (default 5).</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>Checks the fields.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        if (PatternLines < 4) throw new ArgumentException($"PatternLines {PatternLines} must be at least 4");
        if (LineNeighbours < 2 || ListNeighbours < 2) throw new ArgumentException("LineNeighbours and ListNeighbours must be at least 2");
        if (!(RatioTolerance is > 0 and < 0.5)) throw new ArgumentException($"RatioTolerance {RatioTolerance} must be in (0, 0.5)");
        if (Order is < 1 or > 10) throw new ArgumentException($"Order {Order} must be 1..10");
        if (!(MatchRadius > 0)) throw new ArgumentException($"MatchRadius {MatchRadius} must be positive");
        if (!(RejectSigma > 0)) throw new ArgumentException($"RejectSigma {RejectSigma} must be positive");
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations {MaxIterations} must not be negative");
    }
}
