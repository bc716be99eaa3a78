using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Imaging;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Spectroscopy.Tests.Support;

/// <summary>
/// One simulated long-slit calibration set (sim-longslit, unbinned 2048 × 512): three quartz flats and one arc of each
/// lamp, read back from the raw FITS files, overscan-subtracted (median of the 32 overscan columns of each row band),
/// trimmed, with a Poisson + read-noise variance. The truth is written independently from the model's coefficients
/// (the formulas documented in sim-longslit.yaml), not from the simulator's geometry code.
/// </summary>
internal sealed class SimulatedLongslit
{
    private static readonly Lazy<SimulatedLongslit> Shared = new(() => new SimulatedLongslit(binning: 1));

    /// <summary>The shared unbinned set (simulated once per test run).</summary>
    public static SimulatedLongslit Set => Shared.Value;

    private SimulatedLongslit(int binning)
    {
        Model = InstrumentModels.Load("sim-longslit");
        Binning = binning;
        Directory = Path.Combine(Path.GetTempPath(), "parallax-spectro-tests", Guid.NewGuid().ToString("N"));
        var plan = new NightPlan
        {
            Binning = binning,
            Calibrations =
            [
                new CalibrationBlock { Type = "flat", Flat = "lamp", Count = 3, Level = 25000 },
                new CalibrationBlock { Type = "arc", Lamp = "HeNeAr", Count = 1, Exptime = 10 },
                new CalibrationBlock { Type = "arc", Lamp = "CuAr", Count = 1, Exptime = 15 },
                new CalibrationBlock { Type = "arc", Lamp = "ThAr", Count = 1, Exptime = 20 },
            ],
        };
        var result = NightSimulator.Run(Model, plan, Directory, seed: 20251125, new SimulationOptions { PerFrameTruth = false });
        TruthDirectory = result.TruthDirectory;
        var flats = result.Frames.Where(f => f.Kind == FrameKind.Flat).Select(f => Read(Path.Combine(result.RawDirectory, f.FileName))).ToList();
        Flat = Mean(flats);
        Arcs = result.Frames.Where(f => f.Kind == FrameKind.Arc)
            .ToDictionary(f => f.Lamp!, f => Read(Path.Combine(result.RawDirectory, f.FileName)), StringComparer.OrdinalIgnoreCase);
        WavelengthMapTruth = ReadPixels(Path.Combine(TruthDirectory, "wavelength_map.fits"));
        PixelResponseTruth = ReadPixels(Path.Combine(TruthDirectory, "flat.fits"));
        // Everything is in memory now, except the truth line lists read by some tests: remove the night when the run ends.
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

    /// <summary>Mean of the three flats, ADU.</summary>
    public MaskedImage Flat { get; }

    /// <summary>One arc per lamp name, ADU.</summary>
    public IReadOnlyDictionary<string, MaskedImage> Arcs { get; }

    /// <summary>truth/wavelength_map.fits: Angstrom at each trimmed pixel centre.</summary>
    public float[] WavelengthMapTruth { get; }

    /// <summary>truth/flat.fits: the true pixel response.</summary>
    public float[] PixelResponseTruth { get; }

    public int Width => Flat.Width;

    public int Height => Flat.Height;

    private int Columns => Model.Detector.Columns;

    /// <summary>The unbinned x of a binned pixel centre.</summary>
    public double Unbinned(double binned) => (binned + 0.5) * Binning - 0.5;

    private double T(double xUnbinned) => (xUnbinned - (Columns - 1) / 2.0) / (Columns / 2.0);

    /// <summary>True slit centre row y_c(x) = y0 + a1 t + a2 t², in binned pixels at binned column x.</summary>
    public double TrueCentreRow(double x)
    {
        var t = T(Unbinned(x));
        var s = Spectrograph;
        var yc = s.TraceCenter + s.TraceCurvature[0] * t + s.TraceCurvature[1] * t * t;
        return (yc + 0.5) / Binning - 0.5;
    }

    /// <summary>Half the slit length, binned pixels (the edges are the half-light points at y_c ± this).</summary>
    public double TrueHalfLength => Spectrograph.SlitLength / Spectrograph.SpatialScale / 2 / Binning;

    /// <summary>True λ(u) along the trace, Angstrom, at binned trace column u.</summary>
    public double TrueWavelength(double u)
    {
        var s = Spectrograph;
        var tau = Unbinned(u) / (Columns - 1);
        var (l0, l1, c2, c3) = (s.WavelengthRange[0], s.WavelengthRange[1], s.DispersionTerms[0], s.DispersionTerms[1]);
        return l0 + (l1 - l0 - c2 - c3) * tau + c2 * tau * tau + c3 * tau * tau * tau;
    }

    /// <summary>True dλ/du, Angstrom per binned pixel.</summary>
    public double TrueDispersion(double u) => (TrueWavelength(u + 0.01) - TrueWavelength(u - 0.01)) / 0.02;

    /// <summary>truth/arc_lines_LAMP.csv: (wavelength Å, trace column in binned pixels, rate) of each simulated line.</summary>
    public IReadOnlyList<(double Wavelength, double Column, double Rate)> TruthLines(string lamp)
        => File.ReadAllLines(Path.Combine(TruthDirectory, $"arc_lines_{lamp}.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
                (double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) + 0.5) / Binning - 0.5,
                double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The lamp's line list as the model ships it (instruments/simulation/data).</summary>
    public string LineListText(string lamp)
        => InstrumentModels.ReadData(Model, Spectrograph.Lamps.First(l => l.Name.Equals(lamp, StringComparison.OrdinalIgnoreCase)).Linelist);

    /// <summary>
    /// The rough prior an instrument file gives: the wavelength at the central column and the mean dispersion from the
    /// model's wavelength range alone (a linear scale: the true one is curved), with generous tolerances.
    /// </summary>
    public Parallax.Spectroscopy.Arcs.WavelengthPrior Prior()
    {
        var (l0, l1) = (Spectrograph.WavelengthRange[0], Spectrograph.WavelengthRange[1]);
        return new Parallax.Spectroscopy.Arcs.WavelengthPrior((l0 + l1) / 2, (l1 - l0) / (Columns - 1) * Binning, 100, 0.1);
    }

    private MaskedImage Read(string path)
    {
        using var file = FitsFile.Open(path);
        var hdu = (ImageHdu)file.Hdus[0];
        var raw = hdu.ReadFloat32();
        var (rawWidth, height) = (hdu.Width, hdu.Height);
        var width = Model.Detector.Columns / Binning;
        var amp = Model.Detector.Amplifiers[0];
        var gain = amp.Gain;
        var readNoise = amp.ReadNoise / gain;
        var image = new MaskedImage(width, height);
        var overscan = new float[rawWidth - width];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * rawWidth, rawWidth);
            row[width..].CopyTo(overscan);
            Array.Sort(overscan);
            var level = overscan[overscan.Length / 2];
            var data = image.DataRow(y);
            var variance = image.VarianceRow(y);
            for (var x = 0; x < width; x++)
            {
                data[x] = row[x] - level;
                variance[x] = (float)(Math.Max(data[x], 0) / gain + readNoise * readNoise);
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
        }
        return mean;
    }

    private static float[] ReadPixels(string path)
    {
        using var file = FitsFile.Open(path);
        return ((ImageHdu)file.Hdus[0]).ReadFloat32();
    }
}
