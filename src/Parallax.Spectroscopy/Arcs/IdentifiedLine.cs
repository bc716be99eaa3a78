namespace Parallax.Spectroscopy.Arcs;

/// <summary>An arc line matched to a laboratory line.</summary>
/// <param name="Line">The measured line.</param>
/// <param name="Wavelength">The laboratory wavelength, Angstrom.</param>
/// <param name="Label">The list's label (ion, notes).</param>
/// <param name="Residual">Laboratory minus fitted wavelength at the line's centre, Angstrom.</param>
/// <param name="ResidualPixels">The residual in pixels (divided by the local dispersion).</param>
/// <param name="Used">False when the final fit rejected the line.</param>
public sealed record IdentifiedLine(ArcLine Line, double Wavelength, string Label, double Residual, double ResidualPixels, bool Used);
