namespace Parallax.Spectroscopy.Sky;

/// <summary>
/// How <see cref="BSplineSkyFitter"/> models the sky of a long-slit frame: a B-spline in wavelength (breakpoints spaced in
/// detector columns along the slit centre, so they follow a curved dispersion), optionally times a low-order Legendre
/// polynomial in slit position, fitted to every sky pixel at its own wavelength with iterative rejection.
/// </summary>
public sealed record SkyFitOptions
{
    /// <summary>The default options.</summary>
    public static SkyFitOptions Default { get; } = new();

    /// <summary>
    /// Breakpoint spacing in columns along the slit centre (default 0.5). Tilted lines sample each wavelength at many
    /// sub-pixel phases across the slit, which is what lets the spacing go below one pixel (Kelson 2003).
    /// </summary>
    public double BreakpointSpacing { get; init; } = 0.5;

    /// <summary>Spline degree (default 3, cubic).</summary>
    public int Degree { get; init; } = 3;

    /// <summary>
    /// Order of the Legendre polynomial in slit position multiplying the spline (default 1: a linear change along the
    /// slit, which absorbs a slit-illumination gradient; 0: the same sky spectrum at every slit position).
    /// </summary>
    public int SpatialOrder { get; init; } = 1;

    /// <summary>Pixels more than this many σ above the model are rejected (cosmic rays, unmasked object light; default 4).</summary>
    public double UpperSigma { get; init; } = 4;

    /// <summary>Pixels more than this many σ below the model are rejected (default 5).</summary>
    public double LowerSigma { get; init; } = 5;

    /// <summary>Fit–reject passes at most (default 6); the loop also stops when the rejected set no longer changes.</summary>
    public int MaxIterations { get; init; } = 6;

    /// <summary>Pixels inside each slit edge left out of the fit (partly lit; default 2).</summary>
    public double EdgeMargin { get; init; } = 2;

    /// <summary>
    /// Whether the weights, after the first pass, use a model variance: the variance plane with its Poisson part moved
    /// from the data to the model, V − max(D, 0) + max(model, 0) (default true). This needs a frame in electrons whose
    /// variance is max(D, 0) plus a constant (read noise, dark); weights from the data's own variance bias a fit low.
    /// </summary>
    public bool ModelVariance { get; init; } = true;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (!(BreakpointSpacing >= 0.2 && BreakpointSpacing <= 100)) throw new ArgumentException($"BreakpointSpacing {BreakpointSpacing} must be 0.2..100 columns");
        if (Degree is < 1 or > 5) throw new ArgumentException($"Degree {Degree} must be 1..5");
        if (SpatialOrder is < 0 or > 4) throw new ArgumentException($"SpatialOrder {SpatialOrder} must be 0..4");
        if (!(UpperSigma > 0) || !(LowerSigma > 0)) throw new ArgumentException($"UpperSigma {UpperSigma} and LowerSigma {LowerSigma} must be positive");
        if (MaxIterations < 1) throw new ArgumentException($"MaxIterations {MaxIterations} must be at least 1");
        if (!(EdgeMargin >= 0)) throw new ArgumentException($"EdgeMargin {EdgeMargin} must not be negative");
    }
}
