namespace Parallax.Spectroscopy.Sky;

/// <summary>
/// The design of a sky fit, computed once: for every sky pixel its knot interval and the products of its B-spline and
/// Legendre basis values, so that each rejection pass only re-accumulates the banded normal equations (in parallel
/// blocks of pixels, each with its own band, summed at the end) and re-solves.
/// </summary>
internal sealed class SkyDesign
{
    private const int BlockSize = 16384;
    private readonly SkySpline _spline;
    private readonly SkyPixels _pixels;
    private readonly int[] _first;
    private readonly double[] _basis;
    private readonly int _terms;

    public SkyDesign(SkySpline spline, SkyPixels pixels)
    {
        _spline = spline;
        _pixels = pixels;
        var k = spline.SpatialTerms;
        _terms = (spline.Degree + 1) * k;
        var n = pixels.Count;
        _first = new int[n];
        _basis = new double[n * _terms];
        Parallel.For(0, (n + BlockSize - 1) / BlockSize, block =>
        {
            Span<double> b = stackalloc double[spline.Degree + 1];
            Span<double> p = stackalloc double[k];
            for (var i = block * BlockSize; i < Math.Min(n, (block + 1) * BlockSize); i++)
            {
                var lambda = pixels.Wavelength[i];
                var interval = spline.Interval(lambda);
                spline.Basis(interval, lambda, b);
                spline.Spatial(pixels.Position[i], p);
                _first[i] = (interval - spline.Degree) * k;
                var row = _basis.AsSpan(i * _terms, _terms);
                for (var a = 0; a <= spline.Degree; a++)
                    for (var q = 0; q < k; q++) row[a * k + q] = b[a] * p[q];
            }
        });
    }

    /// <summary>Weighted least squares over the pixels in use; the coefficients land in the spline.</summary>
    public void Solve(bool[] use, double[] weight)
    {
        var m = _spline.CoefficientCount;
        var bw = _spline.HalfBandwidth + 1;
        var n = _pixels.Count;
        var band = new double[m * bw];
        var rhs = new double[m];
        var gate = new object();
        Parallel.For(0, (n + BlockSize - 1) / BlockSize, () => (new double[m * bw], new double[m]), (block, _, local) =>
        {
            var (lb, lr) = local;
            var data = _pixels.Data;
            for (var i = block * BlockSize; i < Math.Min(n, (block + 1) * BlockSize); i++)
            {
                if (!use[i]) continue;
                var wi = weight[i];
                var f = _first[i];
                var row = _basis.AsSpan(i * _terms, _terms);
                var wd = wi * data[i];
                for (var a = 0; a < _terms; a++)
                {
                    var wa = wi * row[a];
                    lr[f + a] += row[a] * wd;
                    var baseIndex = (f + a) * bw + a;
                    for (var c = 0; c <= a; c++) lb[baseIndex - c] += wa * row[c];
                }
            }
            return local;
        }, local =>
        {
            lock (gate)
            {
                for (var i = 0; i < band.Length; i++) band[i] += local.Item1[i];
                for (var i = 0; i < rhs.Length; i++) rhs[i] += local.Item2[i];
            }
        });
        // A coefficient no sky pixel constrains (a gap left by masked objects) goes to zero rather than failing the sky.
        Imaging.Fitting.BandedCholesky.Solve(band, _spline.HalfBandwidth, rhs, ridgeUnconstrained: true);
        rhs.CopyTo(_spline.Coefficients, 0);
    }

    /// <summary>The model at every sky pixel.</summary>
    public void Evaluate(double[] model)
    {
        var c = _spline.Coefficients;
        var n = _pixels.Count;
        Parallel.For(0, (n + BlockSize - 1) / BlockSize, block =>
        {
            for (var i = block * BlockSize; i < Math.Min(n, (block + 1) * BlockSize); i++)
            {
                var f = _first[i];
                var row = _basis.AsSpan(i * _terms, _terms);
                double s = 0;
                for (var a = 0; a < _terms; a++) s += c[f + a] * row[a];
                model[i] = s;
            }
        });
    }
}
