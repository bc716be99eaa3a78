namespace Parallax.Imaging.Photometry;

/// <summary>
/// A frame's photometric zero point: m = <see cref="ZeroPoint"/> − 2.5 log10(flux / EXPTIME) (+ <see cref="ColourTerm"/> × colour
/// when fitted), flux in the image's unit (electrons: ZP is the magnitude giving 1 e⁻/s, extinction included).
/// </summary>
public sealed class ZeroPointResult
{
    /// <summary>True when a zero point was measured.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>One line: the value and how many stars, or why it failed.</summary>
    public required string Message { get; init; }

    /// <summary>Zero point, magnitudes (at colour 0 when a colour term was fitted); NaN on failure.</summary>
    public double ZeroPoint { get; init; } = double.NaN;

    /// <summary>Standard error of <see cref="ZeroPoint"/>, magnitudes; NaN on failure.</summary>
    public double Error { get; init; } = double.NaN;

    /// <summary>Robust scatter of the kept stars' zero points, magnitudes.</summary>
    public double Scatter { get; init; } = double.NaN;

    /// <summary>Stars kept by the final estimate.</summary>
    public int Stars { get; init; }

    /// <summary>Colour term (magnitudes per magnitude of colour), NaN when not fitted.</summary>
    public double ColourTerm { get; init; } = double.NaN;

    /// <summary>Standard error of <see cref="ColourTerm"/>, NaN when not fitted.</summary>
    public double ColourTermError { get; init; } = double.NaN;

    /// <summary>Aperture radius used, pixels.</summary>
    public double ApertureRadius { get; init; } = double.NaN;

    /// <summary>Aperture correction added to the instrumental magnitudes (large aperture minus small, ≤ 0), magnitudes.</summary>
    public double ApertureCorrection { get; init; } = double.NaN;

    /// <summary>Per input star: −2.5 log10(flux / EXPTIME) with the aperture correction, NaN where it could not be measured.</summary>
    public IReadOnlyList<double> InstrumentalMagnitudes { get; init; } = [];

    /// <summary>Per input star: true when the star was kept by the final estimate.</summary>
    public IReadOnlyList<bool> Used { get; init; } = [];
}
