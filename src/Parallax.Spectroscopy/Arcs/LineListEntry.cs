namespace Parallax.Spectroscopy.Arcs;

/// <summary>One laboratory line of a comparison lamp.</summary>
/// <param name="Wavelength">Wavelength, Angstrom (air or vacuum as the list says; IRAF and NIST lists in the optical are air).</param>
/// <param name="Label">The rest of the list's line (ion, notes), trimmed; empty when none.</param>
public sealed record LineListEntry(double Wavelength, string Label);
