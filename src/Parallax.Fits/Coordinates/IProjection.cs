namespace Parallax.Fits.Coordinates;

/// <summary>
/// A spherical map projection of FITS WCS paper II: between the projection plane (x, y), the
/// intermediate world coordinates in degrees, and native spherical coordinates (phi, theta) in degrees.
/// Implementations are immutable and thread-safe.
/// </summary>
/// <remarks>
/// Neither direction throws. A point outside the projection's domain (beyond the boundary of the
/// plane for <see cref="PlaneToNative"/>, or on a part of the sphere the projection cannot show for
/// <see cref="NativeToPlane"/>, such as the far hemisphere for TAN or SIN) gives NaN for both outputs,
/// as does a NaN input.
/// </remarks>
public interface IProjection
{
    /// <summary>The three-letter code as in CTYPE (e.g. "TAN").</summary>
    string Code { get; }

    /// <summary>The projection's class.</summary>
    ProjectionFamily Family { get; }

    /// <summary>Native latitude of the fiducial point in degrees: 90 for zenithal projections, 0 otherwise.</summary>
    double Theta0 { get; }

    /// <summary>The projection parameters PVi_m on the latitude axis, by index m (only those this projection uses; empty when none).</summary>
    IReadOnlyDictionary<int, double> Parameters { get; }

    /// <summary>Deprojects: projection-plane (x, y) in degrees to native (phi, theta) in degrees; NaN outside the domain.</summary>
    void PlaneToNative(double x, double y, out double phi, out double theta);

    /// <summary>Projects: native (phi, theta) in degrees to projection-plane (x, y) in degrees; NaN where not representable.</summary>
    void NativeToPlane(double phi, double theta, out double x, out double y);
}
