namespace Parallax.Spectroscopy.Tracing;

/// <summary>How <see cref="ObjectFinder"/> collapses a long-slit frame along the dispersion and picks objects in the profile.</summary>
public sealed record ObjectFinderOptions
{
    /// <summary>The default options.</summary>
    public static ObjectFinderOptions Default { get; } = new();

    /// <summary>Columns averaged into one spectral block; the profile is the median of the blocks (default 32), which ignores sky-line residuals and cosmic rays.</summary>
    public int BlockWidth { get; init; } = 32;

    /// <summary>Minimum peak signal-to-noise in the collapsed profile (default 5).</summary>
    public double MinimumSignalToNoise { get; init; } = 5;

    /// <summary>Rows inside each slit edge ignored (partly lit; default 3).</summary>
    public int EdgeMargin { get; init; } = 3;

    /// <summary>Objects returned at most, strongest first (default 10).</summary>
    public int MaximumObjects { get; init; } = 10;

    /// <summary>Checks the fields together.</summary>
    /// <exception cref="ArgumentException">A field is out of its range.</exception>
    public void Validate()
    {
        if (BlockWidth < 1) throw new ArgumentException($"BlockWidth {BlockWidth} must be at least 1");
        if (!(MinimumSignalToNoise > 0)) throw new ArgumentException($"MinimumSignalToNoise {MinimumSignalToNoise} must be positive");
        if (EdgeMargin < 0) throw new ArgumentException($"EdgeMargin {EdgeMargin} must not be negative");
        if (MaximumObjects < 1) throw new ArgumentException($"MaximumObjects {MaximumObjects} must be at least 1");
    }
}
