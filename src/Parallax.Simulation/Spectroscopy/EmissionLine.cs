namespace Parallax.Simulation.Spectroscopy;

/// <summary>An emission line as rendered: wavelength (Angstrom), trace column (unbinned), electrons per second per unbinned slit row, and its list annotation.</summary>
internal readonly record struct EmissionLine(double Wavelength, double TraceColumn, double Rate, string Label);
