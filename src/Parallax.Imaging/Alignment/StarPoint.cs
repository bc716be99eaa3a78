namespace Parallax.Imaging.Alignment;

/// <summary>A star (or any point source) in a list to be matched: zero-based pixel position and a brightness.</summary>
/// <param name="X">Column, pixels.</param>
/// <param name="Y">Row, pixels.</param>
/// <param name="Flux">Brightness in any consistent unit; only its order matters (the brightest stars build the asterisms).</param>
public readonly record struct StarPoint(double X, double Y, double Flux);
