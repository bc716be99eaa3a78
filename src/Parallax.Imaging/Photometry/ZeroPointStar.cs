namespace Parallax.Imaging.Photometry;

/// <summary>A star of known magnitude on a frame, for <see cref="ZeroPointCalculator"/>.</summary>
/// <param name="X">Centre x, ZERO-BASED pixels.</param>
/// <param name="Y">Centre y, zero-based pixels.</param>
/// <param name="CatalogMagnitude">Catalog magnitude in the frame's band; NaN leaves the star out.</param>
/// <param name="Colour">Catalog colour (e.g. B − V) for a colour term; NaN when unknown (left out of a colour fit only).</param>
public readonly record struct ZeroPointStar(double X, double Y, double CatalogMagnitude, double Colour = double.NaN);
