namespace Parallax.Spectroscopy.FluxCalibration;

/// <summary>The smooth function a sensitivity (in magnitudes) is fitted with.</summary>
public enum SensitivityFitKind
{
    /// <summary>A cubic B-spline with evenly spaced breakpoints (<see cref="SensitivityOptions.BreakpointSpacing"/>).</summary>
    BSpline,

    /// <summary>A Legendre series of <see cref="SensitivityOptions.Order"/> over the measured wavelength range.</summary>
    Legendre,
}
