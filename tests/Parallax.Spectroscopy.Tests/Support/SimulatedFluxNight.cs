using System.Globalization;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Spectroscopy.Tests.Support;

/// <summary>
/// A simulated sim-longslit night (2 × 2 binned) with one exposure of the standard Feige 34 and three of SIM-STAR-1, run
/// once per test run for its truth folder (the target at AB 14.0 at 5500 Å, so that 600 s reach S/N ≈ 150 per pixel): spectrum_&lt;object&gt;.csv (true f_λ, efficiency, extinction at 1 Å steps)
/// and frames.csv (exposure time, airmass, seeing per frame). The detector-side numbers (collecting area, slit width,
/// dispersion polynomial) are the model's documented coefficients (sim-longslit.yaml).
/// </summary>
internal sealed class SimulatedFluxNight
{
    private static readonly Lazy<SimulatedFluxNight> Shared = new(() => new SimulatedFluxNight());

    public static SimulatedFluxNight Night => Shared.Value;

    public const string Standard = "Feige 34";

    public const string Science = "SIM-STAR-1";

    private SimulatedFluxNight()
    {
        Model = InstrumentModels.Load("sim-longslit");
        Directory = Path.Combine(Path.GetTempPath(), "parallax-specflux-tests", Guid.NewGuid().ToString("N"));
        var plan = new NightPlan
        {
            Binning = 2,
            Start = "2025-03-16T03:00:00",
            Science =
            [
                new ScienceBlock { Object = Standard, Type = "standard", Exptime = 60, Count = 1 },
                new ScienceBlock { Object = Science, Ra = 150.0, Dec = 30.0, Exptime = 600, Count = 3, Magnitude = 14.0, Temperature = 6500 },
            ],
        };
        var result = NightSimulator.Run(Model, plan, Directory, seed: 4242, new SimulationOptions { PerFrameTruth = false });
        TruthDirectory = result.TruthDirectory;
        Frames = File.ReadAllLines(Path.Combine(TruthDirectory, "frames.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] is "OBJECT" or "STANDARD")
            .Select(f => new FrameTruth(f[3], D(f[5]), D(f[8]), D(f[9]))).ToList();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }

    public sealed record FrameTruth(string Object, double Exptime, double Airmass, double Seeing);

    public sealed record TruthSpectrum(double[] Wavelength, double[] Flambda, double[] Throughput, double[] Extinction)
    {
        /// <summary>Linear interpolation of a column at λ.</summary>
        public double At(double[] column, double w)
        {
            var i = Array.BinarySearch(Wavelength, w);
            if (i >= 0) return column[i];
            i = ~i;
            var t = (w - Wavelength[i - 1]) / (Wavelength[i] - Wavelength[i - 1]);
            return column[i - 1] + t * (column[i] - column[i - 1]);
        }
    }

    public InstrumentModel Model { get; }

    public SpectrographModel Spectrograph => Model.Spectrograph!;

    public string Directory { get; }

    public string TruthDirectory { get; }

    public IReadOnlyList<FrameTruth> Frames { get; }

    public int Binning => 2;

    public TruthSpectrum Spectrum(string name)
    {
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var rows = File.ReadAllLines(Path.Combine(TruthDirectory, $"spectrum_{safe}.csv")).Skip(1).Select(l => l.Split(',').Select(D).ToArray()).ToArray();
        return new TruthSpectrum([.. rows.Select(r => r[0])], [.. rows.Select(r => r[1])], [.. rows.Select(r => r[2])], [.. rows.Select(r => r[3])]);
    }

    /// <summary>λ at binned column x on the trace: λ(u) = l0 + D τ + c2 τ² + c3 τ³, τ = u / (N − 1), u the unbinned column.</summary>
    public double Wavelength(double x)
    {
        var s = Spectrograph;
        var n = Model.Detector.Columns;
        var tau = ((x + 0.5) * Binning - 0.5) / (n - 1);
        var (l0, l1, c2, c3) = (s.WavelengthRange[0], s.WavelengthRange[1], s.DispersionTerms[0], s.DispersionTerms[1]);
        return l0 + (l1 - l0 - c2 - c3) * tau + c2 * tau * tau + c3 * tau * tau * tau;
    }

    /// <summary>dλ/dx in Å per binned pixel (analytic derivative of <see cref="Wavelength"/>).</summary>
    public double Dispersion(double x)
    {
        var s = Spectrograph;
        var n = Model.Detector.Columns;
        var tau = ((x + 0.5) * Binning - 0.5) / (n - 1);
        var (l0, l1, c2, c3) = (s.WavelengthRange[0], s.WavelengthRange[1], s.DispersionTerms[0], s.DispersionTerms[1]);
        return ((l1 - l0 - c2 - c3) + 2 * c2 * tau + 3 * c3 * tau * tau) * Binning / (n - 1);
    }

    /// <summary>Fraction of a Gaussian seeing disc of FWHM <paramref name="seeing"/> (arcsec) passing the slit: erf(w / (2√2 σ)).</summary>
    public double SlitTransmission(double seeing) => Erf(Spectrograph.SlitWidth / (2 * Math.Sqrt(2) * (seeing / 2.3548)));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double Erf(double x)
    {
        // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for a transmission.
        var t = 1 / (1 + 0.3275911 * x);
        return 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
    }
}
