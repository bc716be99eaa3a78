using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Imaging.Astrometry;
using Parallax.Imaging.Detector;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Imaging.Tests.Astrometry;

/// <summary>
/// Two V frames of the shipped sim-imager at binning 2 (1024 × 1024, 0.8 arcsec/px, seeing ~1.1 arcsec), reduced as the
/// pipeline does it up to the flat: overscan, trim (which moves the header WCS's CRPIX), gain, then division by the
/// simulator's TRUE flat. Each frame carries the simulator's truth: the true WCS (TAN+SIP on trimmed pixels), the
/// header's approximate WCS (pointing off by ~6 arcsec rms, rotation 0.35° unaccounted for), the catalog and the
/// frame's airmass and exposure time.
/// </summary>
public static class SimulatedField
{
    public sealed record Frame(string Name, MaskedImage Image, Wcs Approximate, Wcs True, double ExposureTime, double Airmass);

    private static readonly Lazy<(InstrumentModel Model, string Dir, Frame[] Frames, ReferenceCatalog Catalog)> Night = new(Make);

    public static InstrumentModel Model => Night.Value.Model;

    public static string TruthDirectory => Path.Combine(Night.Value.Dir, "truth");

    public static IReadOnlyList<Frame> Frames => Night.Value.Frames;

    public static ReferenceCatalog Catalog => Night.Value.Catalog;

    private static (InstrumentModel, string, Frame[], ReferenceCatalog) Make()
    {
        var model = InstrumentModels.Load("sim-imager");
        var plan = NightPlans.Parse("""
            instrument: sim-imager
            start: 2025-03-16T04:00:00
            binning: 2
            science:
              - {object: FIELD, ra: 135.0, dec: 25.0, filters: [V], exptime: 60, count: 2, dither: 20, galaxies: 0}
            """, "plan.yaml", model);
        var dir = Path.Combine(Path.GetTempPath(), "parallax-astrometry-tests", Guid.NewGuid().ToString("N"));
        var result = NightSimulator.Run(model, plan, dir, 20261125, new SimulationOptions { MaxParallelism = 2 });
        var truth = Path.Combine(dir, "truth");
        using var flatFile = FitsFile.Open(Path.Combine(truth, "flat_V.fits"));
        var flat = flatFile.FirstImageWithData()!.ReadFloat32();
        var frames = new List<Frame>();
        foreach (var raw in Directory.GetFiles(result.RawDirectory, "*.fits").Order(StringComparer.Ordinal))
        {
            using var f = FitsFile.Open(raw);
            var corrected = DetectorCorrector.Correct(f, new DetectorCorrectionOptions { ToElectrons = true }).Image;
            for (var i = 0; i < flat.Length; i++)
            {
                corrected.Data[i] /= flat[i];
                corrected.Variance[i] /= flat[i] * flat[i];
            }
            var name = Path.GetFileNameWithoutExtension(raw);
            var trueWcs = Wcs.FromHeader(FitsFile.ReadPrimaryHeader(Path.Combine(truth, "wcs", name + ".fits")));
            var header = f.Primary.Header;
            frames.Add(new Frame(name, corrected, Wcs.FromHeader(corrected.Header), trueWcs, header.GetDouble("EXPTIME"), header.GetDouble("AIRMASS")));
        }
        using var reader = new StreamReader(Path.Combine(truth, "catalog.csv"));
        return (model, dir, [.. frames], ReferenceCatalogCsv.Parse(reader, "catalog.csv"));
    }

    /// <summary>RMS over a 20 × 20 grid of sky points of (solved − true) pixel positions, pixels.</summary>
    public static double RmsAgainstTruth(Wcs solved, Wcs truth, int width, int height)
    {
        var sum = 0.0;
        var n = 0;
        for (var j = 0; j < 20; j++)
        {
            for (var i = 0; i < 20; i++)
            {
                var x = (width - 1) * i / 19.0;
                var y = (height - 1) * j / 19.0;
                var (ra, dec) = truth.PixelToWorld(x, y);
                var (sx, sy) = solved.WorldToPixel(ra, dec);
                sum += (sx - x) * (sx - x) + (sy - y) * (sy - y);
                n++;
            }
        }
        return Math.Sqrt(sum / n);
    }
}
