using Parallax.Imaging.Fitting;

namespace Parallax.Spectroscopy.Arcs;

/// <summary>
/// A 1-D wavelength solution: λ(x) = Σ c_k P_k(x'), Legendre polynomials of the column x mapped from
/// [<see cref="DomainMin"/>, <see cref="DomainMax"/>] onto [−1, 1], fitted with rejection to identified arc lines;
/// with its quality: rms of the kept lines in Angstrom and in pixels, and the lines used and rejected.
/// </summary>
public sealed class WavelengthSolution
{
    /// <summary>Creates a solution from a polynomial λ(x) (Angstrom against column), with the lines behind it.</summary>
    public WavelengthSolution(Polynomial1D polynomial, IReadOnlyList<IdentifiedLine> lines)
    {
        Polynomial = polynomial;
        Lines = lines;
        var used = lines.Where(l => l.Used).ToList();
        LinesUsed = used.Count;
        LinesRejected = lines.Count - used.Count;
        RmsAngstrom = used.Count == 0 ? double.NaN : Math.Sqrt(used.Average(l => l.Residual * l.Residual));
        RmsPixels = used.Count == 0 ? double.NaN : Math.Sqrt(used.Average(l => l.ResidualPixels * l.ResidualPixels));
    }

    /// <summary>λ(x), Angstrom against column (Legendre; its domain maps the first and last columns onto −1 and +1).</summary>
    public Polynomial1D Polynomial { get; }

    /// <summary>Polynomial order.</summary>
    public int Order => Polynomial.Order;

    /// <summary>Column mapped to −1 (the first column).</summary>
    public double DomainMin => Polynomial.DomainMin;

    /// <summary>Column mapped to +1 (the last column).</summary>
    public double DomainMax => Polynomial.DomainMax;

    /// <summary>Every identified line, used or rejected.</summary>
    public IReadOnlyList<IdentifiedLine> Lines { get; }

    /// <summary>Lines kept by the fit.</summary>
    public int LinesUsed { get; }

    /// <summary>Identified lines the fit rejected.</summary>
    public int LinesRejected { get; }

    /// <summary>Rms of the kept lines' residuals, Angstrom (QC).</summary>
    public double RmsAngstrom { get; }

    /// <summary>Rms of the kept lines' residuals, pixels (QC).</summary>
    public double RmsPixels { get; }

    /// <summary>Wavelength at column <paramref name="x"/>, Angstrom.</summary>
    public double Wavelength(double x) => Polynomial.Evaluate(x);

    /// <summary>dλ/dx at column <paramref name="x"/>, Angstrom per pixel (signed).</summary>
    public double Dispersion(double x) => Polynomial.Derivative(x);

    /// <summary>The column where the solution reaches <paramref name="wavelength"/> (Newton's method from a linear guess); NaN when it does not converge.</summary>
    public double Column(double wavelength)
    {
        var (w0, w1) = (Wavelength(DomainMin), Wavelength(DomainMax));
        var x = DomainMin + (wavelength - w0) / (w1 - w0) * (DomainMax - DomainMin);
        for (var i = 0; i < 50; i++)
        {
            var step = (Wavelength(x) - wavelength) / Dispersion(x);
            if (!double.IsFinite(step)) return double.NaN;
            x -= step;
            if (Math.Abs(step) < 1e-9) return x;
        }
        return double.NaN;
    }
}
