namespace Parallax.Fits.Coordinates;

/// <summary>
/// A faster path for projections whose plane maps naturally onto native directions (the zenithal ones):
/// plane (x, y) in degrees to and from the native unit vector
/// n = (cos(theta) sin(phi), cos(theta) cos(phi), sin(theta)), skipping the atan2 / sincos round trip through
/// the angles phi and theta. Results equal the angle path to rounding. NaN conventions as in <see cref="IProjection"/>.
/// </summary>
internal interface INativeVectorProjection
{
    /// <summary>Plane to native unit vector; false (with NaN outputs) outside the domain.</summary>
    bool PlaneToNativeVector(double x, double y, out double n1, out double n2, out double n3);

    /// <summary>Native unit vector to plane; false (with NaN outputs) where the projection cannot show the point.</summary>
    bool NativeVectorToPlane(double n1, double n2, double n3, out double x, out double y);
}
