using Parallax.Imaging.Fitting;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Tracing;

/// <summary>
/// The row of an object's spectrum at every column: a Legendre polynomial fitted to centres measured in bins of columns,
/// or, for an object too faint to measure, the slit-parallel curve at the object's slit position (shifted by the mean
/// offset of whatever bins were measured). Zero-based pixel coordinates (x along the dispersion, y along the slit).
/// </summary>
public sealed class ObjectTrace
{
    private readonly Polynomial1D? _polynomial;
    private readonly SlitEdges _edges;
    private readonly double _slitPosition;
    private readonly double _shift;

    internal ObjectTrace(SlitObject obj, SlitEdges edges, Polynomial1D? polynomial, double shift, double[] columns, double[] rows, double[] errors,
        bool[] used, double rms, double fwhm)
    {
        Object = obj;
        _edges = edges;
        _polynomial = polynomial;
        _slitPosition = obj.SlitPosition;
        _shift = shift;
        Columns = columns;
        Rows = rows;
        RowErrors = errors;
        Used = used;
        Rms = rms;
        Fwhm = fwhm;
    }

    /// <summary>The object traced.</summary>
    public SlitObject Object { get; }

    /// <summary>True when the trace is the slit-parallel curve (too few bins measured for a fit).</summary>
    public bool IsSlitParallel => _polynomial is null;

    /// <summary>The fitted polynomial y(x) (Legendre on the first to last column); null for a slit-parallel trace.</summary>
    public Polynomial1D? Polynomial => _polynomial;

    /// <summary>Centre column of each bin whose centre was measured.</summary>
    public IReadOnlyList<double> Columns { get; }

    /// <summary>Measured centre row of each bin (pixel-integrated Gaussian fit).</summary>
    public IReadOnlyList<double> Rows { get; }

    /// <summary>1σ error of each measured centre, rows.</summary>
    public IReadOnlyList<double> RowErrors { get; }

    /// <summary>Whether each measured centre was kept by the fit.</summary>
    public IReadOnlyList<bool> Used { get; }

    /// <summary>Rms of the kept centres about the trace, rows (NaN when none).</summary>
    public double Rms { get; }

    /// <summary>Median FWHM of the fitted profiles across the slit, rows (the object's FWHM when none was fitted).</summary>
    public double Fwhm { get; }

    /// <summary>The trace's row at column <paramref name="x"/>.</summary>
    public double RowAt(double x) => _polynomial is { } p ? p.Evaluate(x)
        : _edges.Lower.RowAt(x) + _slitPosition * _edges.Length(x) + _shift;
}
