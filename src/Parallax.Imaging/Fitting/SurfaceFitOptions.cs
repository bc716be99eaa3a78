namespace Parallax.Imaging.Fitting;

/// <summary>
/// What a 2-D polynomial surface fit is: basis, x and y orders, cross terms, the x and y domains mapped
/// onto [−1, 1] and the outlier rejection. Immutable; <see cref="SurfaceFitter"/> executes it.
/// </summary>
public sealed record SurfaceFitOptions
{
    /// <summary>The basis in x and in y. Default Legendre.</summary>
    public PolynomialBasis Basis { get; init; } = PolynomialBasis.Legendre;

    /// <summary>Highest degree in x. Default 2.</summary>
    public int XOrder { get; init; } = 2;

    /// <summary>Highest degree in y. Default 2.</summary>
    public int YOrder { get; init; } = 2;

    /// <summary>Which cross terms to include. Default <see cref="CrossTerms.Full"/>.</summary>
    public CrossTerms CrossTerms { get; init; } = CrossTerms.Full;

    /// <summary>x domain [min, max] (x units); null: the range of the usable x.</summary>
    public (double Min, double Max)? XDomain { get; init; }

    /// <summary>y domain [min, max] (y units); null: the range of the usable y.</summary>
    public (double Min, double Max)? YDomain { get; init; }

    /// <summary>Outlier rejection. Default none.</summary>
    public RejectionOptions Rejection { get; init; } = RejectionOptions.None;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An order outside 0..30, or a domain that is not finite with max &gt; min.</exception>
    public void Validate()
    {
        if (XOrder is < 0 or > 30) throw new ArgumentOutOfRangeException(nameof(XOrder), $"x order {XOrder} must lie in 0..30");
        if (YOrder is < 0 or > 30) throw new ArgumentOutOfRangeException(nameof(YOrder), $"y order {YOrder} must lie in 0..30");
        if (XDomain is { } xd && !(double.IsFinite(xd.Min) && double.IsFinite(xd.Max) && xd.Max > xd.Min)) throw new ArgumentOutOfRangeException(nameof(XDomain), $"x domain [{xd.Min}, {xd.Max}] must be finite with max > min");
        if (YDomain is { } yd && !(double.IsFinite(yd.Min) && double.IsFinite(yd.Max) && yd.Max > yd.Min)) throw new ArgumentOutOfRangeException(nameof(YDomain), $"y domain [{yd.Min}, {yd.Max}] must be finite with max > min");
        Rejection.Validate();
    }
}
