namespace Parallax.Reports.Plots;

/// <summary>A photometric zero point measured on one frame.</summary>
/// <param name="Airmass">Airmass of the frame (≥ 1).</param>
/// <param name="ZeroPoint">Zero point in magnitudes.</param>
/// <param name="Error">Its 1-σ uncertainty in magnitudes (0 or NaN when unknown: no error bar).</param>
/// <param name="Filter">The filter, one colour and fitted line per filter.</param>
public readonly record struct ZeroPointMeasurement(double Airmass, double ZeroPoint, double Error, string Filter);
