namespace Parallax.Fits.Coordinates;

/// <summary>The class of a spherical projection (FITS WCS paper II, section 5), which fixes its fiducial point.</summary>
public enum ProjectionFamily
{
    /// <summary>Zenithal (azimuthal): TAN, SIN, ARC, ZEA, STG. The fiducial point is the native pole, (phi0, theta0) = (0, 90).</summary>
    Zenithal,

    /// <summary>Cylindrical: CAR, MER, CEA. The fiducial point is on the native equator, (phi0, theta0) = (0, 0).</summary>
    Cylindrical,

    /// <summary>Pseudo-cylindrical and conventional: SFL, AIT. The fiducial point is (0, 0).</summary>
    PseudoCylindrical,
}
