using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Simulation.Models;

namespace Parallax.Simulation.Tests;

/// <summary>Small detectors and helpers shared by the tests.</summary>
internal static class TestModels
{
    public static InstrumentModel Imager => InstrumentModels.Load("sim-imager");

    public static InstrumentModel Longslit => InstrumentModels.Load("sim-longslit");

    /// <summary>The shipped imager on a 256 × 128 detector (two amplifiers of 128 columns, no bad columns).</summary>
    public static InstrumentModel SmallImager(Func<DetectorModel, DetectorModel>? change = null)
    {
        var m = Imager;
        var a = m.Detector.Amplifiers;
        var detector = m.Detector with
        {
            Columns = 256,
            Rows = 128,
            BadColumns = [],
            Amplifiers = [a[0] with { Columns = [0, 127] }, a[1] with { Columns = [128, 255] }],
        };
        return m with { Detector = change is null ? detector : change(detector), Presets = new Dictionary<string, Plans.NightPlan>() };
    }

    public static (float[] Pixels, int Width, int Height, Header Header) ReadImage(string path)
    {
        using var f = FitsFile.Open(path);
        var img = (ImageHdu)f.Hdus[0];
        return (img.ReadFloat32(), img.Axes[0], img.Axes[1], img.Header);
    }

    /// <summary>Parses a FITS section '[x1:x2,y1:y2]' (one-based, inclusive) into zero-based start and length.</summary>
    public static (int X, int Width, int Y, int Height) Section(string text)
    {
        var parts = text.Trim('[', ']').Split(',');
        var xs = parts[0].Split(':').Select(int.Parse).ToArray();
        var ys = parts[1].Split(':').Select(int.Parse).ToArray();
        return (xs[0] - 1, xs[1] - xs[0] + 1, ys[0] - 1, ys[1] - ys[0] + 1);
    }

    public static (double Mean, double Std) MeanStd(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return (mean, Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "parallax-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }
}
