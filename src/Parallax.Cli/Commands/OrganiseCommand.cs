using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Rules;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax organise RAWDIR</c>: classify, group and plan the cascade of a folder of raw frames.</summary>
internal static class OrganiseCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("rawdir") { Description = "Folder of raw FITS frames (searched recursively)" };
        var instrument = new Option<string?>("--instrument", "-i") { Description = "Use this instrument for every frame instead of identifying each one" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files (*.yaml); also PARALLAX_INSTRUMENTS" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var sofDir = new Option<string?>("--sof-dir") { Description = "Write one EsoRex-style set-of-files (path CATEGORY lines) per task into this folder" };
        var caldb = new Option<string?>("--caldb") { Description = "Calibration database to take missing calibrations from: SQLite file or PostgreSQL connection string" };
        var noRecurse = new Option<bool>("--no-recursive") { Description = "Only the folder itself, not its sub-folders" };
        var list = new Option<string>("--list")
        {
            Description = $"Text listing: one row per file, one row per group, or auto (files up to {FileListingLimit} frames, groups above)",
            DefaultValueFactory = _ => "auto",
        };
        list.AcceptOnlyFromAmong("auto", "files", "groups");
        var cmd = new Command("organise", "Classify raw frames by their instrument's rules, group them, and plan the calibration cascade (reads headers only)")
            { folder, instrument, instruments, json, sofDir, caldb, noRecurse, list };
        cmd.Aliases.Add("organize");
        cmd.SetAction(r => Run(r.GetValue(folder)!, r.GetValue(instrument), r.GetValue(instruments), r.GetValue(json), r.GetValue(sofDir), r.GetValue(caldb), !r.GetValue(noRecurse), r.GetValue(list)!));
        return cmd;
    }

    private static int Run(string folder, string? instrument, string? userInstruments, bool json, string? sofDir, string? caldbTarget, bool recursive, string listing = "auto")
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"parallax: {folder}: no such folder");
            return ExitCodes.Failed;
        }
        var catalog = InstrumentOptions.Load(userInstruments);
        if (catalog is null) return ExitCodes.Failed;
        if (instrument is not null && catalog.Find(instrument) is null)
        {
            Console.Error.WriteLine($"parallax: no instrument named '{instrument}' (loaded: {string.Join(", ", catalog.Instruments.Select(i => i.Name))})");
            return ExitCodes.UsageError;
        }
        ICalibrationDatabase? db = null;
        try
        {
            if (caldbTarget is not null) db = CalibrationDatabase.Open(caldbTarget);
            var result = Organiser.Organise(folder, new OrganiseOptions { Catalog = catalog, Instrument = instrument, Recursive = recursive, CalibrationDatabase = db });
            foreach (var u in result.Unreadable) Console.Error.WriteLine($"parallax: {u.Message}");
            if (result.Frames.Count == 0 && result.Unreadable.Count == 0)
            {
                Console.Error.WriteLine($"parallax: no FITS files under {folder}");
                return ExitCodes.Failed;
            }
            IReadOnlyList<string> sofs = sofDir is null ? [] : SofWriter.Write(result.Plan, sofDir);
            if (json) PrintJson(folder, result, sofs);
            else PrintText(folder, result, sofs, listing);
            if (result.Frames.Count == 0) return ExitCodes.Failed;
            return result.Unreadable.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"parallax: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            db?.Dispose();
        }
    }

    private static string Rel(string folder, string path) => Path.GetRelativePath(folder, path);

    /// <summary>Above this many classified frames the automatic listing shows groups, not files: a table of thousands of rows helps nobody and costs seconds to print.</summary>
    internal const int FileListingLimit = 200;

    private static void PrintText(string folder, OrganiseResult result, IReadOnlyList<string> sofs, string listing)
    {
        var total = result.Frames.Count + result.Unreadable.Count;
        var rate = total / Math.Max(result.Elapsed.TotalSeconds, 1e-6);
        Console.WriteLine($"Organised {total} files in {result.Elapsed.TotalSeconds:0.00} s ({rate:0} files/s): "
            + $"{result.Frames.Count(f => f.IsClassified)} classified, {result.Unclassified.Count()} unclassified, {result.Unreadable.Count} unreadable, {result.Groups.Count} groups");
        var classified = result.Frames.Where(f => f.IsClassified).ToList();
        var byGroup = listing == "groups" || (listing == "auto" && classified.Count > FileListingLimit);
        AnsiConsole.Write(byGroup ? GroupTable(result) : FileTable(folder, result, classified));
        if (byGroup && listing == "auto") Console.WriteLine($"({classified.Count} frames listed by group; --list files shows every file)");
        var unclassified = result.Unclassified.ToList();
        if (unclassified.Count > 0)
        {
            Console.WriteLine($"Unclassified ({unclassified.Count}):");
            foreach (var f in unclassified) Console.WriteLine($"  {Rel(folder, f.Path)}: {f.Reason}");
        }
        if (result.Unreadable.Count > 0)
        {
            Console.WriteLine($"Unreadable, skipped ({result.Unreadable.Count}):");
            foreach (var u in result.Unreadable) Console.WriteLine($"  {u.Message}");
        }
        Console.WriteLine();
        Console.WriteLine($"Cascade ({result.Plan.Tasks.Count} tasks):");
        var n = 0;
        foreach (var t in result.Plan.Tasks)
        {
            Console.WriteLine($"  {++n}. {t.Id}  [{t.Status.ToString().ToLowerInvariant()}]  {t.InputText} -> {t.ProductName}");
            if (t.Step.GroupBy.Count > 0) Console.WriteLine($"       grouped by {string.Join(", ", t.Step.GroupBy.Select(k => $"{k}={t.Group.SharedValues.GetValueOrDefault(k) ?? "—"}"))}");
            if (t.Step.IsChained && t.Calibrations.Count > 0) Console.WriteLine($"       calibrations by associations.{t.InputCategory}");
            foreach (var c in t.Calibrations)
            {
                Console.WriteLine($"       needs {c.Rule.Calibration}: {c.SourceText}");
                if (c.IsMissing) foreach (var line in c.Selection.Explanation.Split('\n').Skip(1)) Console.WriteLine($"       {line}");
            }
            foreach (var note in t.Notes.Where(x => !x.StartsWith("missing ", StringComparison.Ordinal))) Console.WriteLine($"       note: {note}");
        }
        foreach (var g in result.Plan.Unplanned) Console.WriteLine($"  (no cascade step for {g.Category}: {g.Id}, {g.Frames.Count} frame(s))");
        if (sofs.Count > 0) Console.WriteLine($"\nWrote {sofs.Count} SOF file(s) to {Path.GetDirectoryName(sofs[0])}");
    }

    private static Table FileTable(string folder, OrganiseResult result, IEnumerable<ClassifiedFrame> frames)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("file");
        table.AddColumn("instrument");
        table.AddColumn("category");
        table.AddColumn("group");
        table.AddColumn("keys");
        foreach (var f in frames)
        {
            var g = result.GroupOf(f);
            table.AddRow(Markup.Escape(Rel(folder, f.Path)), Markup.Escape(f.Instrument!.Name), f.Category!, Markup.Escape(g?.Id ?? ""), Markup.Escape(g?.KeysText ?? ""));
        }
        return table;
    }

    private static Table GroupTable(OrganiseResult result)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("group");
        table.AddColumn("instrument");
        table.AddColumn("category");
        table.AddColumn(new TableColumn("frames").RightAligned());
        table.AddColumn("first");
        table.AddColumn("keys");
        foreach (var g in result.Groups)
        {
            table.AddRow(Markup.Escape(g.Id), Markup.Escape(g.Instrument.Name), g.Category, g.Frames.Count.ToString(CultureInfo.InvariantCulture),
                FormatMjd(g.FirstMjd), Markup.Escape(g.KeysText));
        }
        return table;
    }

    private static void PrintJson(string folder, OrganiseResult result, IReadOnlyList<string> sofs)
    {
        var doc = new
        {
            folder = Path.GetFullPath(folder),
            elapsed_s = Math.Round(result.Elapsed.TotalSeconds, 4),
            files = result.Frames.Select(f => new
            {
                file = f.Path,
                instrument = f.Instrument?.Name,
                category = f.Category,
                group = result.GroupOf(f)?.Id,
                reason = f.Reason,
                mjd = f.Mjd,
                values = f.Values?.Logical.Keys.ToDictionary(k => k, k => f.Values.Text(k)),
                problems = f.Problems,
            }),
            unreadable = result.Unreadable.Select(u => new { file = u.Path, message = u.Message }),
            groups = result.Groups.Select(g => new { id = g.Id, instrument = g.Instrument.Name, category = g.Category, keys = g.Keys, first_mjd = g.FirstMjd, last_mjd = g.LastMjd, frames = g.Frames.Select(f => f.Path) }),
            tasks = result.Plan.Tasks.Select(t => new
            {
                id = t.Id,
                recipe = t.Step.Recipe,
                product = t.Step.Product,
                product_name = t.ProductName,
                group = t.Group.Id,
                status = t.Status.ToString().ToLowerInvariant(),
                input_category = t.InputCategory,
                from = t.Step.From,
                group_by = t.Step.GroupBy.ToDictionary(k => k, k => t.Group.SharedValues.GetValueOrDefault(k)),
                upstream = t.Upstream.Select(u => u.Id),
                inputs = t.Group.Frames.Select(f => f.Path),
                depends_on = t.DependsOn,
                calibrations = t.Calibrations.Select(c => new
                {
                    category = c.Rule.Calibration,
                    required = c.Rule.Required,
                    found = c.Selection.Found,
                    task = c.ProducerTaskId,
                    record = c.Record?.Id,
                    path = c.Selection.Chosen?.Path,
                    tier = c.Selection.Found ? c.Selection.Tier : (int?)null,
                    days_apart = c.Selection.DaysApart,
                    explanation = c.Selection.Explanation,
                }),
                notes = t.Notes,
            }),
            sof_files = sofs,
        };
        Console.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
    }

    internal static string FormatMjd(double? mjd) => mjd is { } m ? TimeConversions.FromMjd(m).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
