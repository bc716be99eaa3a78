using System.Globalization;
using Parallax.Fits;
using Parallax.Imaging;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Recipes;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Recipes.Tests.Support;

/// <summary>
/// A night of the simulator's sim-imager (optionally with a changed model) written to a temporary folder, with
/// its frames read as recipes receive them and the shipped instrument file's detector (parallax-sim-imager.yaml).
/// </summary>
public sealed class SimulatedImager : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parallax-recipes-tests", Guid.NewGuid().ToString("N")[..12]);

    public SimulatedImager(string plan, ulong seed, Func<InstrumentModel, InstrumentModel>? change = null)
    {
        var model = InstrumentModels.Load("sim-imager");
        if (change is not null) model = change(model);
        NightSimulator.Run(model, NightPlans.Parse(plan, "plan.yaml", model), _dir, seed, new SimulationOptions { PerFrameTruth = false });
        Instrument = InstrumentLoader.Load(Path.Combine(AppContext.BaseDirectory, "instruments", "parallax-sim-imager.yaml"));
        Files = Directory.GetFiles(Path.Combine(_dir, "raw"), "*.fits").Order(StringComparer.Ordinal).ToList();
    }

    public InstrumentDefinition Instrument { get; }

    public IReadOnlyList<string> Files { get; }

    public string Truth(string file) => Path.Combine(_dir, "truth", file);

    /// <summary>Raw frames whose IMAGETYP is <paramref name="type"/> (and FILTER, when given), as recipe frames of <paramref name="category"/>.</summary>
    public List<RecipeFrame> Frames(string type, string category, string? filter = null)
    {
        var frames = new List<RecipeFrame>();
        foreach (var f in Files)
        {
            var frame = Read(f, category);
            if (!string.Equals(frame.PrimaryHeader.GetString("IMAGETYP", "")!.Trim(), type, StringComparison.OrdinalIgnoreCase)) continue;
            if (filter is not null && frame.PrimaryHeader.GetString("FILTER", "")!.Trim() != filter) continue;
            frames.Add(frame);
        }
        return frames;
    }

    public static RecipeFrame Read(string path, string category)
    {
        using var file = FitsFile.Open(path);
        var hdu = file.FirstImageWithData()!;
        var header = hdu.Header.Clone();
        var image = new MaskedImage(hdu.Width, hdu.Height, hdu.ReadFloat32(), null, null, header);
        return new RecipeFrame
        {
            Name = Path.GetFileName(path),
            Category = category,
            Image = image,
            PrimaryHeader = header,
            ExposureTime = header.TryGetDouble("EXPTIME", out var t) ? t : null,
        };
    }

    /// <summary>The instrument file's detector resolved against a frame's header.</summary>
    public DetectorLayout Layout(RecipeFrame frame) => DetectorLayout.From(Instrument.Detector, frame.PrimaryHeader);

    /// <summary>A truth image (first HDU with pixels).</summary>
    public float[] TruthImage(string file) => ReadPixels(Truth(file));

    public static float[] ReadPixels(string path)
    {
        using var f = FitsFile.Open(path);
        return f.FirstImageWithData()!.ReadFloat32();
    }

    /// <summary>Rows of a truth CSV as column → text.</summary>
    public List<Dictionary<string, string>> Csv(string file)
    {
        var lines = File.ReadAllLines(Truth(file));
        var head = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(r => head.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => r[p.i])).ToList();
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
