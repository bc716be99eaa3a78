namespace Parallax.Simulation.Spectroscopy;

/// <summary>A function given as a table, interpolated linearly and held constant beyond its ends.</summary>
internal sealed class TabulatedCurve
{
    private readonly double[] _x;
    private readonly double[] _y;

    public TabulatedCurve(IEnumerable<(double X, double Y)> points)
    {
        var sorted = points.OrderBy(p => p.X).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("a curve needs at least one point", nameof(points));
        _x = [.. sorted.Select(p => p.X)];
        _y = [.. sorted.Select(p => p.Y)];
    }

    /// <summary>The tabulated abscissae.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>The tabulated values.</summary>
    public IReadOnlyList<double> Y => _y;

    public double this[double x]
    {
        get
        {
            if (x <= _x[0]) return _y[0];
            if (x >= _x[^1]) return _y[^1];
            var i = Array.BinarySearch(_x, x);
            if (i >= 0) return _y[i];
            i = ~i;
            var f = (x - _x[i - 1]) / (_x[i] - _x[i - 1]);
            return _y[i - 1] + f * (_y[i] - _y[i - 1]);
        }
    }
}
