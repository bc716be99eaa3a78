using Parallax.Imaging.Fitting;

namespace Parallax.Imaging.Detector;

/// <summary>
/// How overscan levels are measured and smoothed: the statistic of each overscan line, the axis, and an
/// optional smoothing fit along the readout axis. Immutable; <see cref="OverscanCorrector"/> executes it.
/// </summary>
public sealed record OverscanOptions
{
    /// <summary>The statistic of one line. Default <see cref="OverscanStatistic.Median"/>.</summary>
    public OverscanStatistic Statistic { get; init; } = OverscanStatistic.Median;

    /// <summary>Clipping threshold (σ, both sides, about the median, up to 5 iterations) for <see cref="OverscanStatistic.SigmaClippedMean"/>. Default 3.</summary>
    public double ClipSigma { get; init; } = 3;

    /// <summary>Which way the level varies. Default <see cref="OverscanAxis.Auto"/>.</summary>
    public OverscanAxis Axis { get; init; } = OverscanAxis.Auto;

    /// <summary>Smoothing along the readout axis. Default none.</summary>
    public OverscanSmoothing Smoothing { get; init; } = OverscanSmoothing.None;

    /// <summary>Polynomial order for Legendre/Chebyshev smoothing. Default 3.</summary>
    public int Order { get; init; } = 3;

    /// <summary>Breakpoint spacing in lines for B-spline smoothing. Default 100.</summary>
    public double BreakpointSpacing { get; init; } = 100;

    /// <summary>Rejection of outlying line levels in the smoothing fit. Default 3σ, 5 iterations.</summary>
    public RejectionOptions FitRejection { get; init; } = RejectionOptions.Default;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        if (!(ClipSigma > 0) || !double.IsFinite(ClipSigma)) throw new ArgumentOutOfRangeException(nameof(ClipSigma), $"clip sigma {ClipSigma} must be positive and finite");
        if (Order is < 0 or > 30) throw new ArgumentOutOfRangeException(nameof(Order), $"order {Order} must lie in 0..30");
        if (!(BreakpointSpacing > 0) || !double.IsFinite(BreakpointSpacing)) throw new ArgumentOutOfRangeException(nameof(BreakpointSpacing), $"breakpoint spacing {BreakpointSpacing} must be positive and finite");
        FitRejection.Validate();
    }
}
