namespace Parallax.Imaging.Astrometry;

/// <summary>One star used in an astrometric fit.</summary>
/// <param name="X">Measured x (windowed centroid), ZERO-BASED pixels.</param>
/// <param name="Y">Measured y, zero-based pixels.</param>
/// <param name="Ra">Catalog right ascension at the observation epoch, degrees.</param>
/// <param name="Dec">Catalog declination, degrees.</param>
/// <param name="Dx">Measured minus fitted x, pixels.</param>
/// <param name="Dy">Measured minus fitted y, pixels.</param>
/// <param name="CatalogIndex">Row of the star in the reference catalog.</param>
/// <param name="Flux">Isophotal flux of the detection, in the image's unit (for ranking only).</param>
public readonly record struct AstrometricMatch(double X, double Y, double Ra, double Dec, double Dx, double Dy, int CatalogIndex, double Flux);
