namespace Parallax.Simulation.Spectroscopy;

/// <summary>One line of a line list: air wavelength in Angstrom and the list's annotation (may be empty).</summary>
internal readonly record struct SpectralLine(double Wavelength, string Label);
