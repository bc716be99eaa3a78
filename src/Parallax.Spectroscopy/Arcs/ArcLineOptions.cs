namespace Parallax.Spectroscopy.Arcs;

/// <summary>How <see cref="ArcLineFinder"/> finds, measures and screens arc lines. Pixel quantities are in spectrum pixels.</summary>
public sealed record ArcLineOptions
{
    /// <summary>The default options.</summary>
    public static ArcLineOptions Default { get; } = new();

    /// <summary>Minimum peak height above the background in units of the noise (default 5).</summary>
    public double Threshold { get; init; } = 5;

    /// <summary>Expected line FWHM, pixels (default 3): the first guess of the fit, and the fit window when
    /// <see cref="FitHalfWidth"/> is 0.</summary>
    public double Fwhm { get; init; } = 3;

    /// <summary>Half-width of the fit window around a peak, pixels; 0 (default) for max(2, round(<see cref="Fwhm"/>)). A window
    /// about one FWHM wide measures the line's core: where real profiles are asymmetric, a wider window pulls the centre
    /// towards the heavier wing.</summary>
    public int FitHalfWidth { get; init; }

    /// <summary>Width of the running median that models the continuum under the lines, pixels (default 61).</summary>
    public int BackgroundWindow { get; init; } = 61;

    /// <summary>A line whose fitted FWHM exceeds this multiple of the median FWHM of the lines is a blend (default 1.6).</summary>
    public double BlendWidthRatio { get; init; } = 1.6;

    /// <summary>A neighbouring peak closer than this many FWHM, and brighter than <see cref="BlendNeighbourFraction"/> of a
    /// line, makes the line a blend (default 1.5).</summary>
    public double BlendSeparation { get; init; } = 1.5;

    /// <summary>See <see cref="BlendSeparation"/> (default 0.05).</summary>
    public double BlendNeighbourFraction { get; init; } = 0.05;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (!(Threshold > 0)) throw new ArgumentException($"Threshold {Threshold} must be positive");
        if (!(Fwhm is > 0.5 and < 100)) throw new ArgumentException($"Fwhm {Fwhm} must be in 0.5..100 pixels");
        if (FitHalfWidth is < 0 or > 50) throw new ArgumentException($"FitHalfWidth {FitHalfWidth} must be 0..50");
        if (BackgroundWindow < 3) throw new ArgumentException($"BackgroundWindow {BackgroundWindow} must be at least 3");
        if (!(BlendWidthRatio > 1)) throw new ArgumentException($"BlendWidthRatio {BlendWidthRatio} must exceed 1");
        if (!(BlendSeparation >= 0)) throw new ArgumentException($"BlendSeparation {BlendSeparation} must not be negative");
        if (!(BlendNeighbourFraction >= 0)) throw new ArgumentException($"BlendNeighbourFraction {BlendNeighbourFraction} must not be negative");
    }
}
