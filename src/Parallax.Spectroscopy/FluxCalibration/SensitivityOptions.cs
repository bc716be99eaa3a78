namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>
/// How a sensitivity function is measured and fitted (immutable; <see cref="SensitivityBuilder"/> executes it).
/// </summary>
public sealed record SensitivityOptions
{
    /// <summary>The fitting function. Default <see cref="SensitivityFitKind.BSpline"/>.</summary>
    public SensitivityFitKind FitKind { get; init; } = SensitivityFitKind.BSpline;

    /// <summary>Largest breakpoint spacing of the B-spline, Å, &gt; 0. Default 500 Å: smooth over the stellar features a flux table resolves.</summary>
    public double BreakpointSpacing { get; init; } = 500;

    /// <summary>Order of the Legendre series, 0..20. Default 6.</summary>
    public int Order { get; init; } = 6;

    /// <summary>Residuals beyond this many σ (rms of the fit) are rejected and the fit repeated; &gt; 0. Default 3.</summary>
    public double RejectionSigma { get; init; } = 3;

    /// <summary>Most rejection iterations, ≥ 0 (0: no rejection). Default 5.</summary>
    public int MaxIterations { get; init; } = 5;

    /// <summary>
    /// Floor added in quadrature to each point's magnitude error, mag, ≥ 0: the flux table's own accuracy (about 1% for Oke's
    /// standards), so that the brightest points do not dominate the fit. Default 0.01.
    /// </summary>
    public double ErrorFloor { get; init; } = 0.01;

    /// <summary>Windows whose table bands are left out. Default <see cref="SensitivityMasks.Default"/>.</summary>
    public IReadOnlyList<SpectralWindow> MaskedWindows { get; init; } = SensitivityMasks.Default;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(BreakpointSpacing > 0) || !double.IsFinite(BreakpointSpacing)) throw new ArgumentOutOfRangeException(nameof(BreakpointSpacing), $"breakpoint spacing {BreakpointSpacing} Å must be positive and finite");
        if (Order is < 0 or > 20) throw new ArgumentOutOfRangeException(nameof(Order), $"order {Order} must lie in 0..20");
        if (!(RejectionSigma > 0) || !double.IsFinite(RejectionSigma)) throw new ArgumentOutOfRangeException(nameof(RejectionSigma), $"rejection sigma {RejectionSigma} must be positive and finite");
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), $"maximum iterations {MaxIterations} must be ≥ 0");
        if (!(ErrorFloor >= 0) || !double.IsFinite(ErrorFloor)) throw new ArgumentOutOfRangeException(nameof(ErrorFloor), $"error floor {ErrorFloor} mag must be ≥ 0 and finite");
        ArgumentNullException.ThrowIfNull(MaskedWindows);
    }
}
