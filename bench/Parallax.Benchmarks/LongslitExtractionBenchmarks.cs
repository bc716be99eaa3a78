using BenchmarkDotNet.Attributes;
using Parallax.Imaging;
using Parallax.Spectroscopy.Extraction;
using Parallax.Spectroscopy.Sky;
using Parallax.Spectroscopy.Slits;
using Parallax.Spectroscopy.Tracing;

namespace Parallax.Benchmarks;

/// <summary>
/// Long-slit sky subtraction and extraction on a 2048-column spectrum: a 2048 × 200 frame in electrons with a slit on
/// rows 20–179, the sim-longslit dispersion (3800–7200 Å) with lines tilted 0.02 columns per row, a sky continuum of
/// 20 e per pixel plus a sky line every 37 columns (FWHM 2.6 px, up to 5000 e), a star of 1000 e per column (σ 1.3 px)
/// on row 100, Gaussian noise of Poisson size plus 3.5 e read noise.
/// </summary>
public class LongslitExtractionBenchmarks
{
    private const int Width = 2048, Height = 200;
    private MaskedImage _frame = null!;
    private float[] _map = null!;
    private SlitEdges _edges = null!;
    private bool[] _exclude = null!;
    private ObjectTrace _trace = null!;
    private float[] _sky = null!;

    [GlobalSetup]
    public void Setup()
    {
        static double Lambda(double u) { var t = u / 2047; return 3800 + 3452 * t - 60 * t * t + 8 * t * t * t; }
        var random = new Random(3);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var flat = new MaskedImage(Width, Height);
        _frame = new MaskedImage(Width, Height) { Unit = PixelUnits.Electron };
        _map = new float[Width * Height];
        var lines = Enumerable.Range(0, 56).Select(k => (Column: 20 + 37.0 * k + 0.37 * k, Peak: 5000 * Math.Pow(10, -2 * random.NextDouble()))).ToArray();
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var i = y * Width + x;
                var inside = 1 / (1 + Math.Exp(-(y - 19.5) / 0.6)) / (1 + Math.Exp((y - 179.5) / 0.6));
                flat.Data[i] = (float)(10 + 20000 * inside);
                flat.Variance[i] = (float)(10 + 20000 * inside);
                var u = x - 0.02 * (y - 100);
                _map[i] = (float)Lambda(u);
                double model = 20;
                foreach (var l in lines) if (Math.Abs(u - l.Column) < 8) model += l.Peak * Math.Exp(-0.5 * Math.Pow((u - l.Column) / 1.104, 2));
                model *= inside;
                model += 1000 * (Phi((y + 0.5 - 100) / 1.3) - Phi((y - 0.5 - 100) / 1.3));
                var value = model + Math.Sqrt(model + 12.25) * Normal();
                _frame.Data[i] = (float)value;
                _frame.Variance[i] = (float)(Math.Max(value, 0) + 12.25);
            }
        _edges = SlitEdgeFinder.Find(flat);
        _trace = TraceFitter.Fit(_frame, _edges, ObjectFinder.Find(_frame, _edges)[0]);
        _exclude = ObjectMask.Build(Width, Height, [_trace], 2.5 * _trace.Fwhm);
        _sky = BSplineSkyFitter.Fit(_frame, _map, _edges, _exclude).Sky;
    }

    private static double Phi(double z) => 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(z / Math.Sqrt(2)));

    [Benchmark(Description = "B-spline sky fit (2048 × 160 slit pixels, linear spatial term)")]
    public double SkyFit() => BSplineSkyFitter.Fit(_frame, _map, _edges, _exclude).ReducedChiSquare;

    [Benchmark(Description = "Optimal extraction (2048 columns)")]
    public double Optimal() => OptimalExtractor.Extract(_frame, _sky, _trace, _map).Flux[1024];

    [Benchmark(Description = "Boxcar extraction (2048 columns)")]
    public double Boxcar() => BoxcarExtractor.Extract(_frame, _sky, _trace, _map).Flux[1024];

    [Benchmark(Description = "Object finding + trace fit")]
    public double FindAndTrace() => TraceFitter.Fit(_frame, _edges, ObjectFinder.Find(_frame, _edges)[0]).Rms;
}
