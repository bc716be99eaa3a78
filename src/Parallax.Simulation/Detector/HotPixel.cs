namespace Parallax.Simulation.Detector;

/// <summary>A hot pixel in binned trimmed coordinates, with its dark current in electrons per second.</summary>
internal readonly record struct HotPixel(int X, int Y, double Rate);
