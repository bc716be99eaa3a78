using Parallax.Imaging.Fitting;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// The tilt of arc lines across the slit as a surface: Δx(x, dy), the columns a line of constant wavelength has moved at
/// column x and dy = y − (slit centre row at x) from where it crosses the slit centre. The column on the slit centre that
/// sees the same wavelength as pixel (x, y) is then u = x − Δx(x, dy) (the simulator's and IRAF's "trace column").
/// </summary>
public sealed class LineTilts
{
    internal LineTilts(PolynomialSurface surface, SlitEdges edges, int linesTraced, int samplesUsed, int samplesRejected, double rms)
    {
        Surface = surface;
        Edges = edges;
        LinesTraced = linesTraced;
        SamplesUsed = samplesUsed;
        SamplesRejected = samplesRejected;
        Rms = rms;
    }

    /// <summary>Δx(x, dy) in columns (x the column, dy the row offset from the slit centre).</summary>
    public PolynomialSurface Surface { get; }

    /// <summary>The slit whose centre defines dy.</summary>
    public SlitEdges Edges { get; }

    /// <summary>Arc lines traced across the slit.</summary>
    public int LinesTraced { get; }

    /// <summary>Row-bin measurements kept by the surface fit.</summary>
    public int SamplesUsed { get; }

    /// <summary>Row-bin measurements the surface fit rejected.</summary>
    public int SamplesRejected { get; }

    /// <summary>Rms of the kept measurements about the surface, columns (QC).</summary>
    public double Rms { get; }

    /// <summary>Columns a line has moved at pixel (x, y) from its column on the slit centre.</summary>
    public double ColumnOffset(double x, double y) => Surface.Evaluate(x, y - Edges.CentreRow(x));

    /// <summary>The column on the slit centre that sees the wavelength of pixel (x, y).</summary>
    public double TraceColumn(double x, double y) => x - ColumnOffset(x, y);
}
