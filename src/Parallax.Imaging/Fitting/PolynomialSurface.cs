namespace Parallax.Imaging.Fitting;

/// <summary>
/// A 2-D polynomial z(x, y) = Σ c<sub>ij</sub> φ<sub>i</sub>(u) φ<sub>j</sub>(v), u and v being x and y mapped
/// from their domains onto [−1, 1], over the terms (i, j) the cross-term rule keeps: the model a
/// <see cref="SurfaceFitter"/> returns. Immutable. With every term kept the coefficients are numpy's
/// <c>c[i, j]</c> of <c>legval2d</c>/<c>chebval2d</c>/<c>polyval2d</c> in the mapped coordinates. NaN
/// coordinates give NaN.
/// </summary>
public sealed class PolynomialSurface
{
    private readonly (int I, int J)[] _terms;
    private readonly double[] _coefficients;
    private readonly double _xCentre, _xScale, _yCentre, _yScale;

    internal PolynomialSurface(PolynomialBasis basis, int xOrder, int yOrder, (int I, int J)[] terms, double[] coefficients,
        (double Min, double Max) xDomain, (double Min, double Max) yDomain)
    {
        Basis = basis;
        XOrder = xOrder;
        YOrder = yOrder;
        _terms = terms;
        _coefficients = coefficients;
        XDomain = xDomain;
        YDomain = yDomain;
        _xCentre = 0.5 * (xDomain.Min + xDomain.Max);
        _xScale = 2 / (xDomain.Max - xDomain.Min);
        _yCentre = 0.5 * (yDomain.Min + yDomain.Max);
        _yScale = 2 / (yDomain.Max - yDomain.Min);
    }

    /// <summary>The basis in x and y.</summary>
    public PolynomialBasis Basis { get; }

    /// <summary>Highest degree in x.</summary>
    public int XOrder { get; }

    /// <summary>Highest degree in y.</summary>
    public int YOrder { get; }

    /// <summary>The x domain mapped onto [−1, 1].</summary>
    public (double Min, double Max) XDomain { get; }

    /// <summary>The y domain mapped onto [−1, 1].</summary>
    public (double Min, double Max) YDomain { get; }

    /// <summary>The (x degree, y degree) of each coefficient, in the order of <see cref="Coefficients"/>.</summary>
    public ReadOnlySpan<(int I, int J)> Terms => _terms;

    /// <summary>The coefficients (z units), one per term.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The coefficient of φ<sub>i</sub>(u) φ<sub>j</sub>(v); 0 for a term the surface does not contain.</summary>
    public double Coefficient(int i, int j)
    {
        for (var k = 0; k < _terms.Length; k++)
            if (_terms[k] == (i, j)) return _coefficients[k];
        return 0;
    }

    /// <summary>z at (x, y).</summary>
    public double Evaluate(double x, double y)
    {
        Span<double> bx = stackalloc double[XOrder + 1];
        Span<double> by = stackalloc double[YOrder + 1];
        BasisFunctions.Fill(Basis, (x - _xCentre) * _xScale, bx);
        BasisFunctions.Fill(Basis, (y - _yCentre) * _yScale, by);
        return Combine(bx, by);
    }

    /// <summary>
    /// z on the grid of every (xs[c], ys[r]), written row-major to <paramref name="result"/>
    /// (result[r·xs.Length + c]; length xs.Length·ys.Length).
    /// </summary>
    /// <exception cref="ArgumentException">The result has the wrong length.</exception>
    public void EvaluateGrid(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<double> result)
    {
        if (result.Length != xs.Length * ys.Length) throw new ArgumentException($"a {xs.Length}×{ys.Length} grid needs {xs.Length * ys.Length} results, not {result.Length}", nameof(result));
        var nx = XOrder + 1;
        var bxAll = new double[xs.Length * nx];
        for (var c = 0; c < xs.Length; c++) BasisFunctions.Fill(Basis, (xs[c] - _xCentre) * _xScale, bxAll.AsSpan(c * nx, nx));
        Span<double> by = stackalloc double[YOrder + 1];
        for (var r = 0; r < ys.Length; r++)
        {
            BasisFunctions.Fill(Basis, (ys[r] - _yCentre) * _yScale, by);
            for (var c = 0; c < xs.Length; c++) result[r * xs.Length + c] = Combine(bxAll.AsSpan(c * nx, nx), by);
        }
    }

    /// <summary>z at every pixel (x = 0 … width − 1, y = 0 … height − 1) as a row-major float image.</summary>
    public float[] EvaluateImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var xs = new double[width];
        var ys = new double[height];
        for (var i = 0; i < width; i++) xs[i] = i;
        for (var i = 0; i < height; i++) ys[i] = i;
        var values = new double[width * height];
        EvaluateGrid(xs, ys, values);
        var image = new float[values.Length];
        for (var i = 0; i < values.Length; i++) image[i] = (float)values[i];
        return image;
    }

    private double Combine(ReadOnlySpan<double> bx, ReadOnlySpan<double> by)
    {
        double z = 0;
        for (var k = 0; k < _terms.Length; k++) z += _coefficients[k] * bx[_terms[k].I] * by[_terms[k].J];
        return z;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Basis} surface, x order {XOrder}, y order {YOrder}, {_terms.Length} terms";
}
