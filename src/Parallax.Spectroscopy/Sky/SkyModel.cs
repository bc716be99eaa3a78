namespace Parallax.Spectroscopy.Sky;

/// <summary>
/// A fitted long-slit sky: the model evaluated on every pixel of the frame, the spline terms it came from, and how the
/// fit went. Values are in the frame's units (electrons per pixel for a frame in electrons).
/// </summary>
public sealed class SkyModel
{
    private readonly SkySpline _spline;

    internal SkyModel(float[] sky, int width, int height, SkySpline spline, int pixelsUsed, int pixelsRejected, int iterations, double reducedChiSquare)
    {
        Sky = sky;
        Width = width;
        Height = height;
        _spline = spline;
        PixelsUsed = pixelsUsed;
        PixelsRejected = pixelsRejected;
        Iterations = iterations;
        ReducedChiSquare = reducedChiSquare;
    }

    /// <summary>The sky at every pixel (row-major <see cref="Width"/> × <see cref="Height"/>); NaN where the wavelength map is NaN (outside the slit).</summary>
    public float[] Sky { get; }

    /// <summary>Columns of the frame.</summary>
    public int Width { get; }

    /// <summary>Rows of the frame.</summary>
    public int Height { get; }

    /// <summary>Sky pixels in the final fit.</summary>
    public int PixelsUsed { get; }

    /// <summary>Sky pixels the last pass rejected (cosmic rays, stray object light, defects not in the mask).</summary>
    public int PixelsRejected { get; }

    /// <summary>Fit passes run.</summary>
    public int Iterations { get; }

    /// <summary>Σ r²/V over the pixels used divided by (pixels − coefficients): about 1 when the model and the variance are right.</summary>
    public double ReducedChiSquare { get; }

    /// <summary>Interior breakpoints of the spline in wavelength, Angstrom.</summary>
    public int Breakpoints => _spline.Breakpoints.Length;

    /// <summary>Free coefficients of the fit.</summary>
    public int Coefficients => _spline.CoefficientCount;

    /// <summary>The sky at <paramref name="wavelength"/> (Angstrom) and fractional slit position <paramref name="slitPosition"/> (0 lower edge, 1 upper edge).</summary>
    public double Evaluate(double wavelength, double slitPosition) => _spline.Evaluate(wavelength, slitPosition);
}
