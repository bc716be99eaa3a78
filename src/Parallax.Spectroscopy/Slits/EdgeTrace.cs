using Parallax.Spectroscopy.Fitting;

namespace Parallax.Spectroscopy.Slits;

/// <summary>
/// One slit edge: its measured rows in bands of columns along the dispersion and the Legendre polynomial
/// y(x) fitted to them with rejection. Zero-based pixel coordinates of the image it was measured on
/// (x along the dispersion, y along the slit; the centre of a pixel is integral).
/// </summary>
public sealed class EdgeTrace
{
    private readonly LeastSquares.SeriesFit _fit;

    internal EdgeTrace(double[] columns, double[] rows, double[] errors, LeastSquares.SeriesFit fit)
    {
        Columns = columns;
        Rows = rows;
        RowErrors = errors;
        _fit = fit;
    }

    /// <summary>Centre column of each band where the edge was measured.</summary>
    public IReadOnlyList<double> Columns { get; }

    /// <summary>Measured edge row in each band (the half-light point of the edge).</summary>
    public IReadOnlyList<double> Rows { get; }

    /// <summary>1σ error of each measured row, pixels, from the noise of the band's profile.</summary>
    public IReadOnlyList<double> RowErrors { get; }

    /// <summary>Whether each band measurement was kept by the fit (false: rejected as an outlier).</summary>
    public IReadOnlyList<bool> Used => _fit.Used;

    /// <summary>Measurements kept by the fit.</summary>
    public int NumberUsed => _fit.NumberUsed;

    /// <summary>Rms of the kept measurements about the fit, pixels.</summary>
    public double Rms => _fit.Rms;

    /// <summary>The fitted edge y(x): a Legendre polynomial whose domain is the image's first to last column.</summary>
    public Parallax.Imaging.Fitting.Polynomial1D Polynomial => _fit.Polynomial;

    /// <summary>The fitted edge row at column <paramref name="x"/>.</summary>
    public double RowAt(double x) => _fit.Evaluate(x);
}
