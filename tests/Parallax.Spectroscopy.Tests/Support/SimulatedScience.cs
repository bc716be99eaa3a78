using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Imaging;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Tests.Support;

/// <summary>
/// A simulated long-slit night from a preset (small: 2 × 2 binned 1024 × 256; standard: unbinned 2048 × 512), cut to its
/// lamp flats and one frame of each science target. Frames are detrended with the simulator's truth — the noise-free
/// bias (raw geometry) plus each row's overscan median for the frame's jitter, the gain, the dark current, and the true
/// pixel response — into electrons with a variance max(signal, 0) + read noise² (signal before the dark is removed), so
/// the extraction is judged on its own. The slit is found on the mean flat; the wavelength map is the truth's.
/// </summary>
internal sealed class SimulatedScience
{
    private static readonly Lazy<SimulatedScience> SmallSet = new(() => new SimulatedScience("small"));
    private static readonly Lazy<SimulatedScience> StandardSet = new(() => new SimulatedScience("standard"));

    public static SimulatedScience Small => SmallSet.Value;

    public static SimulatedScience Standard => StandardSet.Value;

    private readonly float[] _bias;
    private readonly float[] _dark;
    private readonly float[] _response;

    private SimulatedScience(string preset)
    {
        Model = InstrumentModels.Load("sim-longslit");
        var plan = NightPlans.Preset(Model, preset);
        plan = plan with
        {
            Calibrations = [.. plan.Calibrations.Where(c => c.Type == "flat").Select(c => c with { Count = 3 })],
            Science = [.. plan.Science.Select(s => s with { Count = 1 })],
            Morning = [],
        };
        Binning = plan.Binning;
        Directory = Path.Combine(Path.GetTempPath(), "parallax-extraction-tests", Guid.NewGuid().ToString("N"));
        var result = NightSimulator.Run(Model, plan, Directory, seed: 20251126, new SimulationOptions { PerFrameTruth = true });
        TruthDirectory = result.TruthDirectory;
        RawDirectory = result.RawDirectory;
        _bias = ReadPixels(Path.Combine(TruthDirectory, "bias.fits"));
        _dark = ReadPixels(Path.Combine(TruthDirectory, "dark.fits"));
        _response = ReadPixels(Path.Combine(TruthDirectory, "flat.fits"));
        WavelengthMapTruth = ReadPixels(Path.Combine(TruthDirectory, "wavelength_map.fits"));
        var flats = result.Frames.Where(f => f.Kind == FrameKind.Flat).Select(Detrend).ToList();
        Flat = Mean(flats);
        Edges = SlitEdgeFinder.Find(Flat);
        Science = result.Frames.Where(f => f.Kind is FrameKind.Object or FrameKind.Standard)
            .ToDictionary(f => f.Object, f => (Spec: f, Frame: Detrend(f)), StringComparer.OrdinalIgnoreCase);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }

    public InstrumentModel Model { get; }

    public SpectrographModel Spectrograph => Model.Spectrograph!;

    public int Binning { get; }

    public string Directory { get; }

    public string TruthDirectory { get; }

    public string RawDirectory { get; }

    public MaskedImage Flat { get; }

    public SlitEdges Edges { get; }

    /// <summary>Each science target and standard: its frame description and the detrended frame (electrons).</summary>
    public IReadOnlyDictionary<string, (FrameSpec Spec, MaskedImage Frame)> Science { get; }

    /// <summary>truth/wavelength_map.fits.</summary>
    public float[] WavelengthMapTruth { get; }

    public float[] PixelResponse => _response;

    public int Width => Flat.Width;

    public int Height => Flat.Height;

    public double Gain => Model.Detector.Amplifiers[0].Gain;

    public double ReadNoise => Model.Detector.Amplifiers[0].ReadNoise;

    /// <summary>Dark electrons of pixel i over an exposure.</summary>
    public double DarkElectrons(int i, double exptime) => _dark[i] * exptime;

    private double T(double xUnbinned) => (xUnbinned - (Model.Detector.Columns - 1) / 2.0) / (Model.Detector.Columns / 2.0);

    /// <summary>True row of a target's spectrum at binned column x (wavelength_solution.yaml's trace plus the target's slit offset).</summary>
    public double TrueTraceRow(string target, double x)
    {
        var s = Spectrograph;
        var unbinned = (x + 0.5) * Binning - 0.5;
        var t = T(unbinned);
        var offset = Science[target].Spec.Target!.SlitOffset / s.SpatialScale;
        var y = s.TraceCenter + s.TraceCurvature[0] * t + s.TraceCurvature[1] * t * t + offset;
        return (y + 0.5) / Binning - 0.5;
    }

    /// <summary>
    /// True electrons per binned spectral pixel of a target at binned column x, by the truth README's formula:
    /// f_λ·λ/(hc)·area·efficiency·10^(−0.4·ext·airmass)·slit transmission per Å and second, times EXPTIME and |dλ/dx|
    /// (from the true wavelength map along the trace); the slit transmission of a Gaussian seeing disc is erf(w / (2√2 σ)).
    /// </summary>
    public double TrueElectrons(string target, int x)
    {
        var (spec, _) = Science[target];
        var table = SpectrumTable(target);
        var y = TrueTraceRow(target, x);
        var lambda = MapAt(x, y);
        var dispersion = Math.Abs(MapAt(x + 1, y) - MapAt(x - 1, y)) / 2;
        var (flambda, efficiency, extinction) = table.At(lambda);
        var sigma = spec.Seeing / 2.3548;
        var slit = Erf(Spectrograph.SlitWidth / (2 * Math.Sqrt(2) * sigma));
        const double hc = 1.98644586e-8;
        return flambda * lambda / hc * Spectrograph.TelescopeArea * efficiency * Math.Pow(10, -0.4 * extinction * spec.Airmass) * slit * spec.Exptime * dispersion;
    }

    /// <summary>The truth map at column x, linearly interpolated between rows.</summary>
    public double MapAt(int x, double y)
    {
        var y0 = (int)Math.Floor(y);
        var f = y - y0;
        return WavelengthMapTruth[y0 * Width + x] * (1 - f) + WavelengthMapTruth[(y0 + 1) * Width + x] * f;
    }

    /// <summary>Pixels hit by cosmic rays in a frame (truth/cosmic_rays/&lt;frame&gt;.csv).</summary>
    public HashSet<int> CosmicRayPixels(FrameSpec spec)
    {
        var path = Path.Combine(TruthDirectory, "cosmic_rays", Path.GetFileNameWithoutExtension(spec.FileName) + ".csv");
        var set = new HashSet<int>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            set.Add(int.Parse(f[1], CultureInfo.InvariantCulture) * Width + int.Parse(f[0], CultureInfo.InvariantCulture));
        }
        return set;
    }

    private SpectrumTruth SpectrumTable(string target)
    {
        var safe = string.Concat(target.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return new SpectrumTruth(Path.Combine(TruthDirectory, $"spectrum_{safe}.csv"));
    }

    private MaskedImage Detrend(FrameSpec spec)
    {
        using var file = FitsFile.Open(Path.Combine(RawDirectory, spec.FileName));
        var hdu = (ImageHdu)file.Hdus[0];
        var raw = hdu.ReadFloat32();
        var rawWidth = hdu.Width;
        var (w, h) = (Model.Detector.Columns / Binning, hdu.Height);
        var image = new MaskedImage(w, h) { Unit = PixelUnits.Electron };
        var overscan = new float[rawWidth - w];
        var rn2 = ReadNoise * ReadNoise;
        for (var y = 0; y < h; y++)
        {
            for (var x = w; x < rawWidth; x++) overscan[x - w] = raw[y * rawWidth + x] - _bias[y * rawWidth + x];
            Array.Sort(overscan);
            var jitter = 0.5 * (overscan[(overscan.Length - 1) / 2] + overscan[overscan.Length / 2]);
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                var electrons = (raw[y * rawWidth + x] - _bias[y * rawWidth + x] - jitter) * Gain;
                var signal = electrons - _dark[i] * spec.Exptime;
                var r = _response[i];
                if (!(r > 0.1)) { image.Data[i] = 0; image.Variance[i] = 0; image.Mask[i] = (ushort)MaskBits.BadPixel; continue; }
                image.Data[i] = (float)(signal / r);
                image.Variance[i] = (float)((Math.Max(electrons, 0) + rn2) / (r * r));
            }
        }
        return image;
    }

    private static MaskedImage Mean(IReadOnlyList<MaskedImage> images)
    {
        var first = images[0];
        var mean = new MaskedImage(first.Width, first.Height);
        for (var i = 0; i < mean.Data.Length; i++)
        {
            double s = 0, v = 0;
            foreach (var im in images) { s += im.Data[i]; v += im.Variance[i]; }
            mean.Data[i] = (float)(s / images.Count);
            mean.Variance[i] = (float)(v / (images.Count * images.Count));
            mean.Mask[i] = first.Mask[i];
        }
        return mean;
    }

    private static float[] ReadPixels(string path)
    {
        using var file = FitsFile.Open(path);
        return ((ImageHdu)file.Hdus[0]).ReadFloat32();
    }

    // Abramowitz & Stegun 7.1.26 (absolute error below 1.5e−7).
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }

    /// <summary>truth/spectrum_&lt;object&gt;.csv on its 1 Å grid, linearly interpolated.</summary>
    private sealed class SpectrumTruth
    {
        private readonly double[] _w, _f, _e, _x;

        public SpectrumTruth(string path)
        {
            var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',').Take(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            _w = rows.Select(r => r[0]).ToArray();
            _f = rows.Select(r => r[1]).ToArray();
            _e = rows.Select(r => r[2]).ToArray();
            _x = rows.Select(r => r[3]).ToArray();
        }

        public (double Flambda, double Efficiency, double Extinction) At(double lambda)
        {
            var i = Math.Clamp((int)Math.Floor(lambda - _w[0]), 0, _w.Length - 2);
            var f = (lambda - _w[i]) / (_w[i + 1] - _w[i]);
            double L(double[] a) => a[i] * (1 - f) + a[i + 1] * f;
            return (L(_f), L(_e), L(_x));
        }
    }
}
