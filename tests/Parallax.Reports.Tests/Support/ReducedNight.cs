using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Organising;
using Parallax.Recipes;
using Parallax.Reports.Night;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Reports.Tests.Support;

/// <summary>
/// The simulator's small sim-imager night (5 biases, 3 darks, 3 V and 3 R flats, 4 science frames
/// of 512 × 512) reduced in-process as <c>parallax reduce</c> does it, with the night record written.
/// The bias noise maximum given replaces the instrument file's MASTER_BIAS noise_adu maximum (20),
/// so a tiny value makes the master bias fail QC.
/// </summary>
public sealed class ReducedNight : IDisposable
{
    private readonly TempFolder _dir = new();

    public ReducedNight(double biasNoiseMax = 20)
    {
        var model = InstrumentModels.Load("sim-imager");
        var simulated = NightSimulator.Run(model, NightPlans.Preset(model, "small"), _dir.File("night"), seed: 7, new SimulationOptions { PerFrameTruth = false });
        Raw = simulated.RawDirectory;
        var instruments = _dir.File("instruments");
        Directory.CreateDirectory(instruments);
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "instruments", "parallax-sim-imager.yaml"));
        // The report is tested on the classic cascade (bias, dark, flat, science): the chained bad-pixel map and
        // coadd steps of the shipped file are left out, so the product list stays the one these tests count.
        yaml = string.Join('\n', yaml.Split('\n').Where(l => !l.Contains("from: MASTER_FLAT", StringComparison.Ordinal) && !l.Contains("from: REDUCED_IMAGE", StringComparison.Ordinal) && !l.Contains("MASTER_FLAT: [", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(instruments, "parallax-sim-imager.yaml"), yaml.Replace("noise_adu: {max: 20}", $"noise_adu: {{max: {biasNoiseMax.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"));
        Catalog = InstrumentCatalog.Load([instruments]);
        Out = _dir.File("reduced");
        Directory.CreateDirectory(Out);
        var started = DateTimeOffset.UtcNow;
        using var db = CalibrationDatabase.Open(Path.Combine(Out, "caldb.sqlite"));
        var organised = Organiser.Organise(Raw, new OrganiseOptions { Catalog = Catalog, CalibrationDatabase = db });
        var nodes = CascadeNodes.FromPlan(organised.Plan, StandardRecipes.CreateRegistry(), []);
        var engine = new RecipeEngine(new EngineOptions { OutputFolder = Out, CalibrationDatabase = db });
        Summary = CascadeExecutor.Run(nodes, engine, new ExecutorOptions());
        NightRecord.From(Raw, Out, organised, Summary, started).Write(Out);
    }

    public string Raw { get; }

    public string Out { get; }

    public InstrumentCatalog Catalog { get; }

    public ExecutionSummary Summary { get; }

    public IEnumerable<string> ProductFiles => Directory.EnumerateFiles(Out, "*.fits").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();
}

/// <summary>A night whose master bias passes QC.</summary>
public sealed class GoodNight() : IDisposable
{
    public ReducedNight Night { get; } = new();

    public void Dispose() => Night.Dispose();
}

/// <summary>A night whose master bias fails QC (noise_adu maximum 0.01 ADU), so everything after it is blocked.</summary>
public sealed class BadBiasNight() : IDisposable
{
    public ReducedNight Night { get; } = new(biasNoiseMax: 0.01);

    public void Dispose() => Night.Dispose();
}
