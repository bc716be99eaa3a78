namespace Parallax.Simulation.Detector;

/// <summary>Which random effects an exposure includes; all on for a real night, some off for tests that measure a noiseless truth.</summary>
internal sealed record ExposureOptions
{
    /// <summary>Everything on.</summary>
    public static ExposureOptions Realistic { get; } = new();

    /// <summary>No shot noise, read noise, jitter or cosmic rays: the expected values, quantised.</summary>
    public static ExposureOptions Noiseless { get; } = new() { ShotNoise = false, ReadNoise = false, CosmicRays = false, BiasJitter = false };

    /// <summary>Poisson noise on the collected charge.</summary>
    public bool ShotNoise { get; init; } = true;

    /// <summary>Gaussian read noise.</summary>
    public bool ReadNoise { get; init; } = true;

    /// <summary>Cosmic-ray events.</summary>
    public bool CosmicRays { get; init; } = true;

    /// <summary>Frame-to-frame bias level.</summary>
    public bool BiasJitter { get; init; } = true;
}
