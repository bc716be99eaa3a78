using System.CommandLine;
using System.Diagnostics;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax simulate</c>: a night of raw frames from an instrument model, with its truth.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var instrument = new Option<string>("--instrument", "-i")
        {
            Description = $"Simulation model: a built-in name ({string.Join(", ", InstrumentModels.BuiltInNames)}), NAME.yaml in instruments/simulation/ or $PARALLAX_SIMULATION_MODELS, or a path",
            Required = true,
        };
        var plan = new Option<string?>("--plan") { Description = "Night plan (YAML): calibrations, science targets, morning calibrations" };
        var preset = new Option<string?>("--preset") { Description = "A preset night of the model instead of a plan" };
        preset.AcceptOnlyFromAmong([.. NightPlans.PresetNames]);
        var output = new Option<string>("--output", "-o") { Description = "Output folder: raw frames go to DIR/raw, the truth to DIR/truth", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed gives the same bytes", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "Frames rendered at once (default: all cores); the output does not depend on it" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Write into a DIR/raw that already holds FITS files" };
        var cmd = new Command("simulate", "Simulate a night of raw frames with realistic headers, and write the truth beside them")
        {
            instrument, plan, preset, output, seed, threads, overwrite,
        };
        cmd.SetAction(r => Run(r.GetValue(instrument)!, r.GetValue(plan), r.GetValue(preset), r.GetValue(output)!, r.GetValue(seed), r.GetValue(threads), r.GetValue(overwrite)));
        return cmd;
    }

    private static int Run(string instrument, string? planPath, string? preset, string output, ulong seed, int? threads, bool overwrite)
    {
        if ((planPath is null) == (preset is null))
        {
            Console.Error.WriteLine("parallax: give exactly one of --plan PLAN.yaml or --preset small|standard|large");
            return ExitCodes.UsageError;
        }
        if (threads is < 1)
        {
            Console.Error.WriteLine($"parallax: --threads must be at least 1, not {threads}");
            return ExitCodes.UsageError;
        }
        var raw = Path.Combine(output, "raw");
        if (!overwrite && Directory.Exists(raw) && Directory.EnumerateFiles(raw, "*.fits").Any())
        {
            Console.Error.WriteLine($"parallax: {raw} already holds FITS files; choose another folder or pass --overwrite");
            return ExitCodes.Failed;
        }
        return Simulate(instrument, planPath, preset, output, seed, threads, out _);
    }

    /// <summary>Simulates the night and prints what was written; returns the exit code (after one line on standard error when it fails) and the result.</summary>
    internal static int Simulate(string instrument, string? planPath, string? preset, string output, ulong seed, int? threads, out SimulationResult? result)
    {
        result = null;
        try
        {
            var model = InstrumentModels.Load(instrument);
            var plan = planPath is not null ? NightPlans.Load(planPath, model) : NightPlans.Preset(model, preset!);
            var clock = Stopwatch.StartNew();
            var options = new SimulationOptions { MaxParallelism = threads ?? Environment.ProcessorCount };
            result = NightSimulator.Run(model, plan, output, seed, options);
            var counts = string.Join(", ", result.Frames.GroupBy(f => f.ImageType).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}"));
            Console.WriteLine($"{result.Frames.Count} frames ({counts}) from {model.Name}, seed {seed}, in {clock.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"raw:   {result.RawDirectory} ({result.RawBytes / 1048576.0:0.0} MiB)");
            Console.WriteLine($"truth: {result.TruthDirectory} (README.md lists the files)");
            return ExitCodes.Success;
        }
        catch (InvalidModelException e)
        {
            Console.Error.WriteLine($"parallax: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"parallax: {e.FileName ?? planPath}: no such file");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"parallax: {output}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
