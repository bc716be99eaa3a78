using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Recipes;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax reduce RAWDIR -o OUTDIR</c>: organise a night and run its whole calibration cascade.</summary>
internal static class ReduceCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("rawdir") { Description = "Folder of raw FITS frames (searched recursively; the output folder is left out)" };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the products, the calibration database and the task manifests", Required = true };
        var parameters = new ParameterOptions();
        var instrument = new Option<string?>("--instrument", "-i") { Description = "Use this instrument for every frame instead of identifying each one" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files" };
        var caldb = new Option<string?>("--caldb") { Description = "Calibration database (default: OUTDIR/caldb.sqlite); a PostgreSQL connection string to share one" };
        var force = new Option<bool>("--force") { Description = "Run every task even when its products are up to date" };
        var intermediate = new Option<bool>("--save-intermediate") { Description = "Also write intermediate products (into OUTDIR/intermediate)" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Tasks run at once (default: the processor count)" };
        var memory = new Option<string?>("--memory-budget") { Description = "Memory the running tasks may use together, e.g. 4G or 512M (default: half the available memory)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log task starts and show the detail behind failures" };
        var json = new Option<bool>("--json") { Description = "Print the run's reports as JSON instead of log lines" };
        var noRecurse = new Option<bool>("--no-recursive") { Description = "Only the folder itself, not its sub-folders" };
        var noReport = new Option<bool>("--no-report") { Description = "Write no quick-look PNGs and no night report (the night record is kept: 'parallax report OUTDIR' makes it later)" };
        var referenceCatalog = ReferenceCatalogOption.Create();
        var cmd = new Command("reduce", "Organise a folder of raw frames and run the whole cascade (bias, dark, flat, science) in parallel; re-running skips finished work")
            { folder, output, parameters.Pairs, parameters.File, instrument, instruments, caldb, force, intermediate, jobs, memory, verbose, json, noRecurse, noReport, referenceCatalog };
        cmd.SetAction(r =>
        {
            Interrupt.Install();
            long? budget = null;
            if (r.GetValue(memory) is { } text)
            {
                budget = ParseSize(text);
                if (budget is null)
                {
                    Console.Error.WriteLine($"parallax: --memory-budget '{text}' is not a size such as 4G, 512M or 1024 (MiB)");
                    return ExitCodes.UsageError;
                }
            }
            var layers = parameters.Layers(r);
            if (layers is null) return ExitCodes.UsageError;
            return Run(new ReduceSettings
            {
                RawFolder = r.GetValue(folder)!,
                Output = r.GetValue(output)!,
                Layers = layers,
                Instrument = r.GetValue(instrument),
                Instruments = r.GetValue(instruments),
                Caldb = r.GetValue(caldb),
                Force = r.GetValue(force),
                SaveIntermediate = r.GetValue(intermediate),
                Jobs = r.GetValue(jobs),
                MemoryBudget = budget,
                Verbose = r.GetValue(verbose),
                Json = r.GetValue(json),
                Recursive = !r.GetValue(noRecurse),
                MakeReport = !r.GetValue(noReport),
                ReferenceCatalog = r.GetValue(referenceCatalog),
            });
        });
        return cmd;
    }

    /// <summary>What one reduction is asked to do: the options of <c>parallax reduce</c>, already parsed.</summary>
    internal sealed record ReduceSettings
    {
        public required string RawFolder { get; init; }

        public required string Output { get; init; }

        public IReadOnlyList<ParameterLayer> Layers { get; init; } = [];

        public string? Instrument { get; init; }

        public string? Instruments { get; init; }

        public string? Caldb { get; init; }

        public bool Force { get; init; }

        public bool SaveIntermediate { get; init; }

        public int? Jobs { get; init; }

        public long? MemoryBudget { get; init; }

        public bool Verbose { get; init; }

        public bool Json { get; init; }

        public bool Recursive { get; init; } = true;

        public bool MakeReport { get; init; } = true;

        /// <summary>A reference catalog (CSV or FITS table) for astrometry and zero points, or null.</summary>
        public string? ReferenceCatalog { get; init; }
    }

    /// <summary>Organises the raw folder, runs the cascade, writes the night record and report, and prints the summary; returns the exit code. Interrupt must be installed by the caller.</summary>
    internal static int Run(ReduceSettings settings)
    {
        var started = DateTimeOffset.UtcNow;
        var rawdir = settings.RawFolder;
        if (!Directory.Exists(rawdir))
        {
            Console.Error.WriteLine($"parallax: {rawdir}: no such folder");
            return ExitCodes.Failed;
        }
        var layers = settings.Layers;
        var unknown = ParameterResolver.UnknownKeys(layers, [.. RecipeList.Registry.All]);
        if (unknown.Count > 0)
        {
            foreach (var u in unknown) Console.Error.WriteLine($"parallax: {u}");
            return ExitCodes.UsageError;
        }
        var catalog = InstrumentOptions.Load(settings.Instruments);
        if (catalog is null) return ExitCodes.Failed;
        if (settings.Instrument is { } forced && catalog.Find(forced) is null)
        {
            Console.Error.WriteLine($"parallax: no instrument named '{forced}' (loaded: {string.Join(", ", catalog.Instruments.Select(i => i.Name))})");
            return ExitCodes.UsageError;
        }
        if (!ReferenceCatalogOption.TryLoad(settings.ReferenceCatalog, out var reference)) return ExitCodes.Failed;
        var outdir = Path.GetFullPath(settings.Output);
        ICalibrationDatabase? db = null;
        try
        {
            Directory.CreateDirectory(outdir);
            db = CalibrationDatabase.Open(settings.Caldb ?? Path.Combine(outdir, "caldb.sqlite"));
            var options = new OrganiseOptions { Catalog = catalog, Instrument = settings.Instrument, Recursive = settings.Recursive, CalibrationDatabase = db };
            var files = Directory.EnumerateFiles(rawdir, "*", options.Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Where(f => options.Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Where(f => !Path.GetFullPath(f).StartsWith(outdir + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            var organised = Organiser.Organise(files, options);
            foreach (var u in organised.Unreadable) Console.Error.WriteLine($"parallax: skipped {u.Message}");
            if (organised.Plan.Tasks.Count == 0)
            {
                Console.Error.WriteLine($"parallax: nothing to reduce under {rawdir}: {organised.Frames.Count} frame(s) read, {organised.Unclassified.Count()} unclassified, no cascade task planned");
                return ExitCodes.Failed;
            }
            if (CheckParameters(organised.Plan, layers) is { } bad) return bad;

            var nodes = CascadeNodes.FromPlan(organised.Plan, RecipeList.Registry, layers);
            var engine = new RecipeEngine(new EngineOptions
            {
                OutputFolder = outdir,
                CalibrationDatabase = db,
                ReferenceCatalog = reference,
                Force = settings.Force,
                SaveIntermediate = settings.SaveIntermediate,
                WriteDelay = RunCommand.WriteDelay(),
            });
            RunCommand.ReportSweep(engine);
            var executor = new ExecutorOptions();
            if (settings.Jobs is { } j) executor = executor with { MaxParallelism = Math.Max(1, j) };
            if (settings.MemoryBudget is { } b) executor = executor with { MemoryBudget = b };
            var asJson = settings.Json;
            var beVerbose = settings.Verbose;
            if (!asJson)
            {
                Console.WriteLine($"Reducing {organised.Plan.Tasks.Count} task(s) from {organised.Frames.Count(f => f.IsClassified)} frame(s) into {outdir} ({executor.MaxParallelism} at a time)");
                var unclassified = organised.Unclassified.Count();
                if (unclassified > 0) Console.WriteLine($"{unclassified} unclassified frame(s) left out (see 'parallax organise {rawdir}')");
            }
            var summary = asJson
                ? CascadeExecutor.Run(nodes, engine, executor, null, Interrupt.Token)
                : ProgressDisplay.Run(nodes.Count, beVerbose, observer => CascadeExecutor.Run(nodes, engine, executor, observer, Interrupt.Token));
            var report = NightReportStep.Run(rawdir, outdir, organised, summary, started, catalog, makeReport: settings.MakeReport && !summary.Cancelled);
            if (asJson) PrintJson(outdir, organised, summary, report);
            else PrintSummary(summary, organised.Unreadable.Count, beVerbose);
            if (!asJson && report is not null) Console.WriteLine($"Report: {report}");
            return TaskOutcomes.ExitCode(summary, organised.Unreadable.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"parallax: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            db?.Dispose();
        }
    }

    /// <summary>Resolves every planned recipe's parameters before anything runs, so a typo fails at once with exit code 2.</summary>
    private static int? CheckParameters(CascadePlan plan, IReadOnlyList<ParameterLayer> layers)
    {
        var problems = new List<string>();
        foreach (var (recipeName, instrument) in plan.Tasks.Select(t => (t.Step.Recipe, t.Group.Instrument)).Distinct())
        {
            if (RecipeList.Registry.Find(recipeName) is not { } recipe) continue;
            try { ParameterResolver.Resolve(recipe, instrument, layers, strictUnscoped: false); }
            catch (ParameterException e) { problems.AddRange(e.Problems); }
        }
        foreach (var p in problems.Distinct()) Console.Error.WriteLine($"parallax: {p}");
        return problems.Count > 0 ? ExitCodes.UsageError : null;
    }

    private static void PrintSummary(ExecutionSummary s, int unreadable, bool verbose)
    {
        Console.WriteLine();
        Console.WriteLine($"Summary: {s.Reports.Count} task(s) in {s.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s: "
            + $"{s.Done} done, {s.UpToDate} up to date, {s.Count(TaskState.NoWork)} no work, {s.Failed} failed, {s.Blocked} blocked"
            + $"{(s.Count(TaskState.Cancelled) > 0 ? $", {s.Count(TaskState.Cancelled)} cancelled" : "")}"
            + $"; {s.SkippedInputs + unreadable} input(s) skipped");
        foreach (var r in s.Reports.Where(r => !r.Succeeded))
        {
            Console.WriteLine($"  {TaskOutcomes.Word(r.State),-10} {r.TaskId}: {r.Message}");
            if (verbose && r.Detail is { Length: > 0 } d) foreach (var line in d.Split('\n')) Console.WriteLine($"             {line}");
        }
        foreach (var r in s.Reports)
            foreach (var k in r.Skipped) Console.WriteLine($"  skipped    {k} ({r.TaskId})");
        if (s.Cancelled) Console.WriteLine("Interrupted: no partial product was left; run the same command again to resume.");
    }

    private static void PrintJson(string outdir, OrganiseResult organised, ExecutionSummary s, string? report)
    {
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            output = outdir,
            report,
            elapsed_s = Math.Round(s.Elapsed.TotalSeconds, 4),
            cancelled = s.Cancelled,
            counts = new { done = s.Done, up_to_date = s.UpToDate, no_work = s.Count(TaskState.NoWork), failed = s.Failed, blocked = s.Blocked, cancelled = s.Count(TaskState.Cancelled), skipped_inputs = s.SkippedInputs },
            unreadable = organised.Unreadable.Select(u => new { file = u.Path, message = u.Message }),
            tasks = s.Reports.Select(TaskOutcomes.Json),
        }, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads 4G, 512M, 64K or a plain number of MiB; null when malformed.</summary>
    internal static long? ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant().TrimEnd('B', 'I');
        var shift = t.Length == 0 ? 20 : t[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => -1 };
        var digits = shift < 0 ? t : t[..^1];
        if (shift < 0) shift = 20;
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? (long)(v * (1L << shift)) : null;
    }
}
