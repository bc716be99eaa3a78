namespace Parallax.Imaging.Fitting;

/// <summary>
/// What a 1-D polynomial fit is: the basis, the order (highest degree), the x domain mapped onto
/// [−1, 1] and the outlier rejection. Immutable; <see cref="PolynomialFitter"/> executes it.
/// </summary>
public sealed record PolynomialFitOptions
{
    /// <summary>The basis. Default Legendre.</summary>
    public PolynomialBasis Basis { get; init; } = PolynomialBasis.Legendre;

    /// <summary>Highest degree; the fit has Order + 1 coefficients. Default 3.</summary>
    public int Order { get; init; } = 3;

    /// <summary>Low end of the domain mapped to t = −1 (x units); null: the smallest x in use.</summary>
    public double? DomainMin { get; init; }

    /// <summary>High end of the domain mapped to t = +1 (x units); null: the largest x in use.</summary>
    public double? DomainMax { get; init; }

    /// <summary>Outlier rejection. Default none.</summary>
    public RejectionOptions Rejection { get; init; } = RejectionOptions.None;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Order is negative or above 100, a domain end is not finite, or the domain is empty or reversed.</exception>
    public void Validate()
    {
        if (Order is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(Order), $"order {Order} must lie in 0..100");
        if (DomainMin is { } lo && !double.IsFinite(lo)) throw new ArgumentOutOfRangeException(nameof(DomainMin), $"domain minimum {lo} must be finite");
        if (DomainMax is { } hi && !double.IsFinite(hi)) throw new ArgumentOutOfRangeException(nameof(DomainMax), $"domain maximum {hi} must be finite");
        if (DomainMin is { } a && DomainMax is { } b && !(b > a)) throw new ArgumentOutOfRangeException(nameof(DomainMax), $"domain [{a}, {b}] must have maximum > minimum");
        Rejection.Validate();
    }
}
