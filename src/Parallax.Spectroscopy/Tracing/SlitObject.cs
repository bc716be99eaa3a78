namespace Parallax.Spectroscopy.Tracing;

/// <summary>
/// An object found along the slit (or placed there by the user): where it sits and how strong it is in the spatial
/// profile collapsed along the dispersion.
/// </summary>
/// <param name="Offset">Rows above the slit's lower edge, measured at every column (so it follows a curved slit), pixels.</param>
/// <param name="SlitPosition">Fractional slit position: 0 on the lower edge, 1 on the upper edge.</param>
/// <param name="Fwhm">Full width at half maximum of the collapsed profile, rows (NaN when not measured).</param>
/// <param name="Peak">Peak of the collapsed profile above the sky, per pixel in the frame's units (NaN when not measured).</param>
/// <param name="SignalToNoise">Peak over the profile's noise (NaN when not measured).</param>
/// <param name="UserDefined">True for a position given by the user rather than found.</param>
public sealed record SlitObject(double Offset, double SlitPosition, double Fwhm, double Peak, double SignalToNoise, bool UserDefined = false);
