using Parallax.Simulation.Detector;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Spectroscopy;

/// <summary>
/// The light a long-slit spectrograph's detector receives, in expected photo-electrons per trimmed pixel:
/// the quartz lamp (a black body × the efficiency curve) for flats, the lamp's lines for arcs, and for
/// objects and standards the night sky (continuum and lines along the whole slit) plus the point source
/// (a Gaussian of the seeing across the slit, after slit loss, efficiency and extinction), all on the true
/// curved and tilted geometry and multiplied by the pixel response. A binned pixel is evaluated at its centre
/// for continua and integrated exactly along x for lines.
/// </summary>
internal sealed class LongslitScene
{
    private readonly Dictionary<string, List<EmissionLine>> _lamps = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TabulatedCurve> _standards = new(StringComparer.OrdinalIgnoreCase);
    private readonly double _flatPeak;

    public LongslitScene(InstrumentModel model, NightPlan plan)
    {
        Model = model;
        Spectrograph = model.Spectrograph ?? throw new ArgumentException("a long-slit model is needed", nameof(model));
        Pattern = DetectorPattern.Create(model.Detector, plan.Binning);
        Geometry = new LongslitGeometry(Spectrograph, model.Detector);
        Extinction = new TabulatedCurve(IrafTables.ReadColumns(InstrumentModels.ReadData(model, Spectrograph.Extinction)));
        foreach (var lamp in Spectrograph.Lamps)
            _lamps[lamp.Name] = Lines(IrafTables.ReadLineList(InstrumentModels.ReadData(model, lamp.Linelist)), lamp.PeakRate, lamp.Name, _ => (1, true));
        SkyLines = Spectrograph.Sky.Lines.Length == 0 ? []
            : Lines(IrafTables.ReadLineList(InstrumentModels.ReadData(model, Spectrograph.Sky.Lines)), Spectrograph.Sky.LineRate, "sky", SkyStrength);
        foreach (var s in Spectrograph.Standards)
            _standards[s.Name] = new TabulatedCurve(IrafTables.ReadColumns(InstrumentModels.ReadData(model, s.File)));
        _flatPeak = Enumerable.Range(0, 200).Max(i => FlatShape(Spectrograph.WavelengthRange[0] + i * (Spectrograph.WavelengthRange[1] - Spectrograph.WavelengthRange[0]) / 199));
    }

    public InstrumentModel Model { get; }

    public SpectrographModel Spectrograph { get; }

    public DetectorPattern Pattern { get; }

    public LongslitGeometry Geometry { get; }

    /// <summary>Extinction, magnitudes per airmass against Angstrom.</summary>
    public TabulatedCurve Extinction { get; }

    /// <summary>Night-sky lines inside the wavelength range.</summary>
    public IReadOnlyList<EmissionLine> SkyLines { get; }

    /// <summary>Lines of a lamp inside the wavelength range.</summary>
    public IReadOnlyList<EmissionLine> LampLines(string lamp) => _lamps[lamp];

    /// <summary>The AB-magnitude table of a standard.</summary>
    public TabulatedCurve StandardTable(string name) => _standards[name];

    /// <summary>Efficiency of telescope, spectrograph and detector at a wavelength (no atmosphere).</summary>
    public double Throughput(double wavelength)
    {
        var d = (wavelength - Spectrograph.ThroughputCenter) / Spectrograph.ThroughputWidth;
        return Spectrograph.ThroughputPeak * Math.Exp(-0.5 * d * d);
    }

    /// <summary>f_λ of a science target or standard (erg s⁻¹ cm⁻² Å⁻¹).</summary>
    public Func<double, double> SourceFlux(ScienceBlock block)
    {
        if (block.Type == "standard")
        {
            var table = StandardTable(Model.Standard(block.Object).Name);
            return w => Photometry.FlambdaFromAb(table[w], w);
        }
        var spectrum = new SourceSpectrum(block.Temperature, block.Magnitude);
        return spectrum.Flambda;
    }

    /// <summary>Fraction of a Gaussian seeing disc of FWHM <paramref name="seeing"/> (arcsec) passing the slit.</summary>
    public double SlitTransmission(double seeing)
        => Photometry.Erf(Spectrograph.SlitWidth / (2 * Math.Sqrt(2) * (seeing / 2.3548)));

    /// <summary>Expected photo-electrons of a frame in a new array, or null for a closed shutter.</summary>
    public float[]? Render(FrameSpec spec)
    {
        var image = new float[Pattern.Layout.Columns * Pattern.Layout.Rows];
        return Render(spec, image) ? image : null;
    }

    /// <summary>Expected photo-electrons of a frame into <paramref name="image"/>; false for a closed shutter (image untouched).</summary>
    public bool Render(FrameSpec spec, float[] image)
    {
        var layout = Pattern.Layout;
        var b = layout.Binning;
        if (spec.Kind is FrameKind.Bias or FrameKind.Dark) return false;
        Array.Clear(image);
        switch (spec.Kind)
        {
            case FrameKind.Flat:
            {
                var level = Spectrograph.FlatLampRate * b * b * spec.Exptime / _flatPeak;
                var meanDispersion = (Spectrograph.WavelengthRange[1] - Spectrograph.WavelengthRange[0]) / (Model.Detector.Columns - 1);
                AddEachPixel(layout, (x, y, X, Y) =>
                {
                    var u = Geometry.TraceColumnAt(X, Y);
                    var w = Geometry.Wavelength(u);
                    return level * FlatShape(w) * Geometry.Dispersion(u) / meanDispersion * Slit(X, Y);
                }, image);
                break;
            }
            case FrameKind.Arc:
                AddLines(image, _lamps[spec.Lamp!], spec.Exptime);
                break;
            default:
                AddSky(image, spec);
                AddSource(image, spec);
                break;
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(image, Pattern.Response, image);
        return true;
    }

    /// <summary>The true wavelength (Angstrom) at the centre of each binned trimmed pixel.</summary>
    public float[] WavelengthMap()
    {
        var layout = Pattern.Layout;
        var map = new float[layout.Columns * layout.Rows];
        AddEachPixel(layout, (x, y, X, Y) => Geometry.WavelengthAt(X, Y), map);
        return map;
    }

    private void AddSky(float[] image, FrameSpec spec)
    {
        var layout = Pattern.Layout;
        var b = layout.Binning;
        var arcsec2 = Spectrograph.SlitWidth * Spectrograph.SpatialScale;
        AddEachPixel(layout, (x, y, X, Y) =>
        {
            var u = Geometry.TraceColumnAt(X, Y);
            var w = Geometry.Wavelength(u);
            var photons = Photometry.Photons(Photometry.FlambdaFromAb(Spectrograph.Sky.Continuum, w), w) * Spectrograph.TelescopeArea * Throughput(w);
            return photons * arcsec2 * Geometry.Dispersion(u) * b * b * spec.Exptime * Slit(X, Y);
        }, image);
        AddLines(image, SkyLines, spec.Exptime);
    }

    private void AddSource(float[] image, FrameSpec spec)
    {
        var layout = Pattern.Layout;
        var (nx, ny, b) = (layout.Columns, layout.Rows, layout.Binning);
        var flux = SourceFlux(spec.Target!);
        var sigma = spec.Seeing / 2.3548 / Spectrograph.SpatialScale;
        var offset = spec.Target!.SlitOffset / Spectrograph.SpatialScale;
        var slitLoss = SlitTransmission(spec.Seeing);
        for (var x = 0; x < nx; x++)
        {
            var X = (x + 0.5) * b - 0.5;
            var centre = Geometry.Trace(X) + offset;
            var y0 = Math.Max(0, (int)((centre - 6 * sigma) / b));
            var y1 = Math.Min(ny - 1, (int)((centre + 6 * sigma) / b) + 1);
            for (var y = y0; y <= y1; y++)
            {
                var low = y * b - 0.5;
                var fraction = Photometry.Phi((low + b - centre) / sigma) - Photometry.Phi((low - centre) / sigma);
                if (fraction <= 0) continue;
                var Y = (y + 0.5) * b - 0.5;
                var u = Geometry.TraceColumnAt(X, Y);
                var w = Geometry.Wavelength(u);
                var photons = Photometry.Photons(flux(w), w) * Spectrograph.TelescopeArea * Throughput(w) * Math.Pow(10, -0.4 * Extinction[w] * spec.Airmass);
                image[y * nx + x] += (float)(photons * slitLoss * fraction * Geometry.Dispersion(u) * b * spec.Exptime);
            }
        }
    }

    private void AddLines(float[] image, IReadOnlyList<EmissionLine> lines, double exptime)
    {
        var layout = Pattern.Layout;
        var (nx, ny, b) = (layout.Columns, layout.Rows, layout.Binning);
        var sigma = Spectrograph.LineFwhm / 2.3548;
        var reach = 6 * sigma + b;
        for (var y = 0; y < ny; y++)
        {
            var Y = (y + 0.5) * b - 0.5;
            foreach (var line in lines)
            {
                var xk = Geometry.ColumnOnRow(line.TraceColumn, Y);
                var slit = Slit(xk, Y);
                if (slit < 1e-6) continue;
                var total = line.Rate * b * exptime * slit;
                var first = Math.Max(0, (int)Math.Floor((xk - reach + 0.5) / b));
                var last = Math.Min(nx - 1, (int)Math.Floor((xk + reach + 0.5) / b));
                for (var x = first; x <= last; x++)
                {
                    var left = x * b - 0.5;
                    var fraction = Photometry.Phi((left + b - xk) / sigma) - Photometry.Phi((left - xk) / sigma);
                    image[y * nx + x] += (float)(total * fraction);
                }
            }
        }
    }

    /// <summary>Slit illumination at unbinned (X, Y): 1 inside (with the gradient along the slit), soft edges.</summary>
    public double Slit(double x, double y)
    {
        var d = y - Geometry.Trace(x);
        var half = Geometry.SlitLengthPixels / 2;
        var edge = 1 / (1 + Math.Exp(-(half - Math.Abs(d)) / 0.6));
        return edge * (1 + Spectrograph.SlitIllumination * d / Geometry.SlitLengthPixels);
    }

    private double FlatShape(double wavelength) => Photometry.BlackbodyShape(wavelength, Spectrograph.FlatLampTemperature) * Throughput(wavelength);

    private List<EmissionLine> Lines(List<SpectralLine> list, double peakRate, string name, Func<SpectralLine, (double Strength, bool Random)> strength)
    {
        var (lo, hi) = (Geometry.Wavelength(-20), Geometry.Wavelength(Model.Detector.Columns + 20));
        var key = CounterRandom.Key(0, CounterRandom.Label("line-strength"), CounterRandom.Label(name));
        var lines = new List<EmissionLine>();
        foreach (var l in list)
        {
            if (l.Wavelength < lo || l.Wavelength > hi) continue;
            var (s, random) = strength(l);
            if (s <= 0) continue;
            // Synthetic relative strength: log-uniform over two decades, fixed by the wavelength (the same lamp every night).
            var u = random ? CounterRandom.Uniform(key, (uint)Math.Round(l.Wavelength * 1000)) : 0;
            var rate = peakRate * s * Math.Pow(10, -2 * u);
            lines.Add(new EmissionLine(l.Wavelength, Geometry.TraceColumn(l.Wavelength), rate, l.Label));
        }
        return lines;
    }

    // Sky lines: the atomic night-sky lines ([OI] 5577 brightest, [OI] 6300/6364 and Na D at 0.3) keep fixed strengths;
    // OH bands (labelled "v'-v'' branch") reach 0.1, man-made (ML) lines 0.05, others 0.02, randomised over two
    // decades; nebular (DN) lines are left out.
    internal static (double Strength, bool Random) SkyStrength(SpectralLine line)
    {
        var label = line.Label;
        if (label.Contains("DN", StringComparison.Ordinal)) return (0, false);
        if (label.EndsWith("AN", StringComparison.Ordinal)) return (Math.Abs(line.Wavelength - 5578) < 3 ? 1 : 0.3, false);
        if (label.Length > 2 && char.IsDigit(label[0]) && label.Contains('-')) return (0.1, true);
        if (label.Contains("ML", StringComparison.Ordinal)) return (0.05, true);
        return (0.02, true);
    }

    private static void AddEachPixel(DetectorLayout layout, Func<int, int, double, double, double> value, float[] into)
    {
        var (nx, ny, b) = (layout.Columns, layout.Rows, layout.Binning);
        for (var y = 0; y < ny; y++)
        {
            var Y = (y + 0.5) * b - 0.5;
            for (var x = 0; x < nx; x++) into[y * nx + x] += (float)value(x, y, (x + 0.5) * b - 0.5, Y);
        }
    }
}
