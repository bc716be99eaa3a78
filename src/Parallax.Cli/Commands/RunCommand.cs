using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax run RECIPE SOF|FILES -o OUTDIR</c>: one recipe on named files, EsoRex style.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var recipeName = new Argument<string>("recipe") { Description = "Recipe name (see 'parallax recipes')" };
        var inputs = new Argument<string[]>("inputs") { Description = "A SOF file (lines 'path CATEGORY') or FITS files (categories from PRODCATG or the instrument's rules)", Arity = ArgumentArity.OneOrMore }.RejectUnknownOptions();
        var output = new Option<string>("--output", "-o") { Description = "Folder for the products", Required = true };
        var parameters = new ParameterOptions();
        var instrument = new Option<string?>("--instrument", "-i") { Description = "Instrument name (default: identified from the first input's header)" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files" };
        var caldb = new Option<string?>("--caldb") { Description = "Calibration database: looked up for calibrations the SOF lacks; products are registered in it" };
        var name = new Option<string?>("--name") { Description = "Product name stem: products are CATEGORY_STEM.fits (default: the first input's file name)" };
        var force = new Option<bool>("--force") { Description = "Run even when the products are up to date" };
        var intermediate = new Option<bool>("--save-intermediate") { Description = "Also write intermediate products (into OUTDIR/intermediate)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the detail behind failures (explanations, numbers)" };
        var json = new Option<bool>("--json") { Description = "Print the task report as JSON" };
        var referenceCatalog = ReferenceCatalogOption.Create();
        var cmd = new Command("run", "Run one recipe on a SOF or on FITS files and write its products (exit codes: see README)")
            { recipeName, inputs, output, parameters.Pairs, parameters.File, instrument, instruments, caldb, name, force, intermediate, verbose, json, referenceCatalog };
        cmd.SetAction(r =>
        {
            Interrupt.Install();
            var recipe = RecipeList.Find(r.GetValue(recipeName)!);
            if (recipe is null) return ExitCodes.UsageError;
            var layers = parameters.Layers(r);
            if (layers is null) return ExitCodes.UsageError;
            var catalog = InstrumentOptions.Load(r.GetValue(instruments));
            if (catalog is null) return ExitCodes.Failed;
            var given = r.GetValue(inputs)!;
            List<(string Path, string? Category)> files;
            try
            {
                files = given.Length == 1 && SofReader.IsSof(given[0])
                    ? SofReader.Read(given[0]).Select(f => (f.Path, (string?)f.Category)).ToList()
                    : given.Select(g => (g, (string?)null)).ToList();
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"parallax: {(e is FileNotFoundException ? $"{given[0]}: no such file" : e.Message)}");
                return ExitCodes.Failed;
            }
            // A SOF may name the reference catalog; --reference-catalog wins over it.
            var referencePath = r.GetValue(referenceCatalog) ?? files.FirstOrDefault(f => string.Equals(f.Category, ReferenceCatalogOption.SofCategory, StringComparison.OrdinalIgnoreCase)).Path;
            files = [.. files.Where(f => !string.Equals(f.Category, ReferenceCatalogOption.SofCategory, StringComparison.OrdinalIgnoreCase))];
            if (!ReferenceCatalogOption.TryLoad(referencePath, out var reference)) return ExitCodes.Failed;
            FileSetTask.Result plan;
            try
            {
                plan = FileSetTask.Build(recipe, files, catalog, r.GetValue(instrument), layers, r.GetValue(name));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"parallax: {e.Message}");
                return ExitCodes.UsageError;
            }
            foreach (var p in plan.Problems) Console.Error.WriteLine($"parallax: {p}");
            if (plan.Request.Inputs.Count == 0 && plan.Problems.Count > 0) return ExitCodes.Failed;

            ICalibrationDatabase? db = null;
            try
            {
                if (r.GetValue(caldb) is { } target) db = CalibrationDatabase.Open(target);
                var engine = new RecipeEngine(new EngineOptions
                {
                    OutputFolder = r.GetValue(output)!,
                    CalibrationDatabase = db,
                    ReferenceCatalog = reference,
                    Force = r.GetValue(force),
                    SaveIntermediate = r.GetValue(intermediate),
                    WriteDelay = WriteDelay(),
                });
                ReportSweep(engine);
                var report = engine.Run(plan.Request, Interrupt.Token);
                if (r.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(TaskOutcomes.Json(report), new JsonSerializerOptions { WriteIndented = true }));
                else TaskOutcomes.Print(report, r.GetValue(verbose));
                var code = TaskOutcomes.ExitCode(report);
                return code == ExitCodes.Success && plan.Problems.Count > 0 ? ExitCodes.SomeInputsFailed : code;
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
        });
        return cmd;
    }

    /// <summary>The pause per written HDU from <c>PARALLAX_WRITE_DELAY_MS</c> (for interruption tests and demonstrations); zero when unset.</summary>
    internal static TimeSpan WriteDelay()
        => int.TryParse(Environment.GetEnvironmentVariable(EngineOptions.WriteDelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;

    /// <summary>Says (on standard error) when temporary files of an interrupted run were removed.</summary>
    internal static void ReportSweep(RecipeEngine engine)
    {
        if (engine.RemovedTemporaryFiles.Count > 0)
            Console.Error.WriteLine($"parallax: removed {engine.RemovedTemporaryFiles.Count} temporary file(s) left by an interrupted run in {engine.OutputFolder}");
    }
}
