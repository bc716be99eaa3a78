using Parallax.Simulation.Detector;

namespace Parallax.Simulation.Night;

/// <summary>What the truth records of one rendered frame.</summary>
/// <param name="Spec">The frame.</param>
/// <param name="BiasOffsets">Bias jitter per amplifier, ADU.</param>
/// <param name="CosmicRayEvents">Number of cosmic-ray events.</param>
/// <param name="CosmicRayPixels">Pixels they touched.</param>
/// <param name="SkyPerPixel">Sky electrons per pixel before the flat (sky frames).</param>
/// <param name="Sources">Catalog sources that landed on the detector.</param>
internal sealed record FrameTruth(FrameSpec Spec, double[] BiasOffsets, int CosmicRayEvents, int CosmicRayPixels, double SkyPerPixel, int Sources);
