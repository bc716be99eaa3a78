namespace Parallax.Simulation.Detector;

/// <summary>Charge a cosmic ray left in one pixel: binned trimmed coordinates, electrons, and the event it belongs to.</summary>
internal readonly record struct CosmicRayHit(int X, int Y, float Electrons, int Event);
