using BenchmarkDotNet.Attributes;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Organising;
using Parallax.Recipes;
using Parallax.Reports.Night;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Benchmarks;

/// <summary>
/// The night report of the simulator's small sim-imager night (18 raw frames of 512², 8 products),
/// reduced once in the setup: reading the products, thumbnails, plots and the HTML.
/// </summary>
public class NightReportBenchmarks
{
    private string _folder = "";
    private string _out = "";
    private InstrumentCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "parallax-bench-report-" + Guid.NewGuid().ToString("N")[..8]);
        var model = InstrumentModels.Load("sim-imager");
        var raw = NightSimulator.Run(model, NightPlans.Preset(model, "small"), Path.Combine(_folder, "night"), 1, new SimulationOptions { PerFrameTruth = false }).RawDirectory;
        _catalog = InstrumentCatalog.Load(InstrumentCatalog.DefaultFolders());
        _out = Path.Combine(_folder, "reduced");
        Directory.CreateDirectory(_out);
        using var db = CalibrationDatabase.Open(Path.Combine(_out, "caldb.sqlite"));
        var organised = Organiser.Organise(raw, new OrganiseOptions { Catalog = _catalog, CalibrationDatabase = db });
        var started = DateTimeOffset.UtcNow;
        var summary = CascadeExecutor.Run(CascadeNodes.FromPlan(organised.Plan, StandardRecipes.CreateRegistry(), []),
            new RecipeEngine(new EngineOptions { OutputFolder = _out, CalibrationDatabase = db }), new ExecutorOptions());
        NightRecord.From(raw, _out, organised, summary, started).Write(_out);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "night report of the small simulated night (8 products)")]
    public int Report() => NightReportHtml.Render(NightReportBuilder.Build(_out, _catalog)).Length;
}
