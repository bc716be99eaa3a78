namespace Parallax.Simulation.Detector;

/// <summary>A read-out frame: raw ADU in the raw geometry, and what went into it that the truth records.</summary>
/// <param name="Pixels">Raw values, row-major, raw columns fastest.</param>
/// <param name="BiasOffsets">This frame's bias jitter per amplifier (model order), ADU.</param>
/// <param name="CosmicRays">Cosmic-ray charge per pixel.</param>
/// <param name="CosmicRayEvents">Number of events.</param>
internal sealed record RawExposure(ushort[] Pixels, double[] BiasOffsets, IReadOnlyList<CosmicRayHit> CosmicRays, int CosmicRayEvents);
