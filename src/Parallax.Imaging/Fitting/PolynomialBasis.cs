namespace Parallax.Imaging.Fitting;

/// <summary>
/// The family of functions a 1-D or 2-D polynomial is written in. Every basis is evaluated on the
/// fit's domain mapped linearly onto [−1, 1], so the coefficients are those numpy's
/// <c>Legendre.fit</c>, <c>Chebyshev.fit</c> and <c>Polynomial.fit</c> return (window [−1, 1]).
/// </summary>
public enum PolynomialBasis
{
    /// <summary>Legendre polynomials P<sub>k</sub>(t): orthogonal on [−1, 1], the best-conditioned choice for least squares (IRAF's default).</summary>
    Legendre,

    /// <summary>Chebyshev polynomials of the first kind T<sub>k</sub>(t).</summary>
    Chebyshev,

    /// <summary>Plain powers t<sup>k</sup> of the mapped coordinate (not of x itself).</summary>
    Power,
}
