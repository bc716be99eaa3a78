using Parallax.Fits.Coordinates;

namespace Parallax.Imaging.Resampling;

/// <summary>
/// The output→input pixel mapping of a resampling (output pixel → sky → input pixel), evaluated exactly on a coarse
/// grid of nodes and bilinearly in between, as SWarp approximates its projections. The node spacing is halved until
/// the interpolated position differs from the exact one by less than the tolerance at every cell centre (where the
/// bilinear error of a smooth mapping peaks). Optionally carries |det J| of the mapping (input pixels per output pixel)
/// for flux conservation, from central differences of exact transforms at the nodes.
/// </summary>
internal sealed class PixelMapping
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[]? _jacobian;
    private readonly int _nodesX;
    private readonly int _width;

    private PixelMapping(int step, int nodesX, int width, double[] x, double[] y, double[]? jacobian, double maxError)
    {
        Step = step;
        _nodesX = nodesX;
        _width = width;
        _x = x;
        _y = y;
        _jacobian = jacobian;
        MaxError = maxError;
    }

    /// <summary>Node spacing, output pixels.</summary>
    public int Step { get; }

    /// <summary>Largest error of the interpolated positions measured at the cell centres, input pixels.</summary>
    public double MaxError { get; }

    /// <summary>Builds the mapping for a width × height output grid.</summary>
    public static PixelMapping Build(Wcs output, Wcs input, int width, int height, double tolerance, int maxStep, bool withJacobian)
    {
        var step = tolerance == 0.0 ? 1 : Math.Max(1, Math.Min(maxStep, Math.Max(width, height) - 1));
        while (true)
        {
            var nx = NodeCount(width, step);
            var ny = NodeCount(height, step);
            var xs = new double[nx * ny];
            var ys = new double[nx * ny];
            EvaluateNodes(output, input, step, nx, ny, xs, ys);
            var error = step == 1 ? 0.0 : CellCentreError(output, input, step, nx, ny, xs, ys);
            if (step == 1 || error <= tolerance)
            {
                var jacobian = withJacobian ? NodeJacobians(output, input, step, nx, ny) : null;
                return new PixelMapping(step, nx, width, xs, ys, jacobian, error);
            }
            step = Math.Max(1, step / 2);
        }
    }

    /// <summary>Input positions (and |det J| when built with it) of every pixel of output row <paramref name="row"/>.</summary>
    public void FillRow(int row, Span<double> x, Span<double> y, Span<double> jacobian)
    {
        var t = (double)row / Step;
        var j = Math.Min((int)t, NodeCountY - 2);
        var fy = t - j;
        var a = j * _nodesX;
        var b = a + _nodesX;
        FillLine(_x, a, b, fy, x);
        FillLine(_y, a, b, fy, y);
        if (_jacobian is not null) FillLine(_jacobian, a, b, fy, jacobian);
    }

    private int NodeCountY => _x.Length / _nodesX;

    private void FillLine(double[] nodes, int a, int b, double fy, Span<double> line)
    {
        var step = Step;
        var inv = 1.0 / step;
        for (var i = 0; i < _nodesX - 1; i++)
        {
            var v0 = nodes[a + i] + (nodes[b + i] - nodes[a + i]) * fy;
            var v1 = nodes[a + i + 1] + (nodes[b + i + 1] - nodes[a + i + 1]) * fy;
            var slope = (v1 - v0) * inv;
            var x0 = i * step;
            var x1 = i == _nodesX - 2 ? _width : Math.Min(x0 + step, _width);
            for (var xx = x0; xx < x1; xx++) line[xx] = v0 + slope * (xx - x0);
        }
    }

    // At least two nodes per axis, the last at or beyond the last pixel.
    private static int NodeCount(int size, int step) => Math.Max(2, (size - 1 + step - 1) / step + 1);

    private static (double X, double Y) Exact(Wcs output, Wcs input, double xo, double yo)
    {
        var (lon, lat) = output.PixelToWorld(xo, yo);
        return input.WorldToPixel(lon, lat);
    }

    private static void EvaluateNodes(Wcs output, Wcs input, int step, int nx, int ny, double[] xs, double[] ys)
    {
        void Row(int j)
        {
            for (var i = 0; i < nx; i++)
                (xs[j * nx + i], ys[j * nx + i]) = Exact(output, input, (double)i * step, (double)j * step);
        }
        if ((long)nx * ny < 4096) { for (var j = 0; j < ny; j++) Row(j); }
        else Parallel.For(0, ny, Row);
    }

    private static double CellCentreError(Wcs output, Wcs input, int step, int nx, int ny, double[] xs, double[] ys)
    {
        var worst = 0.0;
        for (var j = 0; j < ny - 1; j++)
        {
            for (var i = 0; i < nx - 1; i++)
            {
                var k = j * nx + i;
                var ix = 0.25 * (xs[k] + xs[k + 1] + xs[k + nx] + xs[k + nx + 1]);
                var iy = 0.25 * (ys[k] + ys[k + 1] + ys[k + nx] + ys[k + nx + 1]);
                var (ex, ey) = Exact(output, input, (i + 0.5) * step, (j + 0.5) * step);
                var e = Math.Max(Math.Abs(ix - ex), Math.Abs(iy - ey));
                if (e > worst) worst = e; // NaN (outside a projection's domain) never counts
            }
        }
        return worst;
    }

    private static double[] NodeJacobians(Wcs output, Wcs input, int step, int nx, int ny)
    {
        const double h = 0.5;
        var jac = new double[nx * ny];
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                double xo = (double)i * step, yo = (double)j * step;
                var (x1, y1) = Exact(output, input, xo + h, yo);
                var (x0, y0) = Exact(output, input, xo - h, yo);
                var (x3, y3) = Exact(output, input, xo, yo + h);
                var (x2, y2) = Exact(output, input, xo, yo - h);
                var dxdu = (x1 - x0) / (2 * h);
                var dydu = (y1 - y0) / (2 * h);
                var dxdv = (x3 - x2) / (2 * h);
                var dydv = (y3 - y2) / (2 * h);
                jac[j * nx + i] = Math.Abs(dxdu * dydv - dxdv * dydu);
            }
        }
        return jac;
    }
}
