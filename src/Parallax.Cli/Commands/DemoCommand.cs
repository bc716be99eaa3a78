using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax demo</c>: the main job in one command. Simulates a night of the simulator imager
/// (raw frames and their truth), reduces it with the whole cascade into products, quick-looks and
/// the night report, and says where the report is and how long it took. It runs the same code as
/// <c>parallax simulate</c> and <c>parallax reduce</c>.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The simulation model the demo uses.</summary>
    public const string Model = "sim-imager";

    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "The simulated night: standard (90 frames of 1024²) or small (a quick look)", DefaultValueFactory = _ => "standard" };
        preset.AcceptOnlyFromAmong("standard", "small");
        var seed = new Option<ulong>("--seed") { Description = "Random seed of the simulation; the same seed gives the same night", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o") { Description = "Folder of the demo: OUT/night (raw frames and truth), OUT/reduced (products and the night report)", DefaultValueFactory = _ => "parallax-demo" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Tasks run at once (default: the processor count)" };
        var cmd = new Command("demo", "Simulate a night of the simulator imager and reduce it end to end (the whole cascade and the night report); prints where the report is and the wall time")
        {
            preset, seed, output, jobs,
        };
        cmd.SetAction(r => Run(r.GetValue(preset)!, r.GetValue(seed), r.GetValue(output)!, r.GetValue(jobs)));
        return cmd;
    }

    private static int Run(string preset, ulong seed, string output, int? jobs)
    {
        Interrupt.Install();
        var clock = Stopwatch.StartNew();
        var root = Path.GetFullPath(output);
        var night = Path.Combine(root, "night");
        var reduced = Path.Combine(root, "reduced");
        // The demo owns its folder: a night simulated by an earlier demo is simulated again over it
        // (the same seed gives the same bytes, so its reduction is found up to date).
        Console.WriteLine($"== parallax simulate --instrument {Model} --preset {preset} --seed {seed} -o {night}");
        var simulated = SimulateCommand.Simulate(Model, null, preset, night, seed, null, out var simulation);
        if (simulated != ExitCodes.Success || simulation is null) return simulated;
        var simulateSeconds = clock.Elapsed.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"== parallax reduce {simulation.RawDirectory} -o {reduced}");
        var settings = WithTruth(new ReduceCommand.ReduceSettings { RawFolder = simulation.RawDirectory, Output = reduced, Jobs = jobs }, simulation.TruthDirectory);
        var code = ReduceCommand.Run(settings);
        var total = clock.Elapsed.TotalSeconds;

        Console.WriteLine();
        var report = Path.Combine(reduced, ReportCommand.DefaultName);
        if (File.Exists(report)) Console.WriteLine($"Night report: {report}");
        Console.WriteLine($"Truth of the simulation: {simulation.TruthDirectory} (README.md lists the files)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Demo finished in {total:0.0} s wall time (simulate {simulateSeconds:0.0} s, reduce and report {total - simulateSeconds:0.0} s) on {Environment.ProcessorCount} core(s)"));
        return code;
    }

    /// <summary>
    /// Where the simulator's truth joins the reduction: its source catalog (<c>catalog.csv</c> of
    /// <paramref name="truthFolder"/>, positions and magnitudes per filter) is the reference catalog
    /// of the astrometric solutions and zero points, as a user's Gaia extract would be.
    /// </summary>
    private static ReduceCommand.ReduceSettings WithTruth(ReduceCommand.ReduceSettings settings, string truthFolder)
        => settings with { ReferenceCatalog = Path.Combine(truthFolder, "catalog.csv") };
}
