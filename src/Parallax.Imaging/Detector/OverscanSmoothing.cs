namespace Parallax.Imaging.Detector;

/// <summary>How the per-line overscan levels are smoothed along the readout axis before subtraction.</summary>
public enum OverscanSmoothing
{
    /// <summary>Subtract each line's own level (noisiest; follows any line-to-line jump).</summary>
    None,

    /// <summary>A Legendre polynomial of <see cref="OverscanOptions.Order"/> fitted with rejection (IRAF's default function).</summary>
    Legendre,

    /// <summary>A Chebyshev polynomial of <see cref="OverscanOptions.Order"/> fitted with rejection.</summary>
    Chebyshev,

    /// <summary>A cubic B-spline with breakpoints every <see cref="OverscanOptions.BreakpointSpacing"/> lines, fitted with rejection.</summary>
    BSpline,
}
