using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Fits;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Rules;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax caldb list|add|remove|certify|mark-bad|explain</c>: the calibration database.</summary>
internal static class CaldbCommand
{
    public static Command Create()
    {
        var cmd = new Command("caldb", "The calibration database: list, add, remove, certify or mark products bad, and explain a selection");
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Add());
        cmd.Subcommands.Add(Remove());
        cmd.Subcommands.Add(SetQuality("certify", CalibrationQuality.Certified, "Mark a record certified (checked and accepted)"));
        cmd.Subcommands.Add(SetQuality("mark-bad", CalibrationQuality.Bad, "Mark a record bad: it is never selected again"));
        cmd.Subcommands.Add(Explain());
        return cmd;
    }

    private static Option<string> Db() => new("--db") { Description = "SQLite file (created if absent) or PostgreSQL connection string (Host=...;Database=...)", Required = true };

    private static Command List()
    {
        var db = Db();
        var instrument = new Option<string?>("--instrument") { Description = "Only this instrument" };
        var category = new Option<string?>("--category") { Description = "Only this product category (e.g. MASTER_BIAS)" };
        var verify = new Option<bool>("--verify") { Description = "Also compare each file's checksum with the recorded one" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var cmd = new Command("list", "List records; a record whose file has gone is shown as MISSING") { db, instrument, category, verify, json };
        cmd.SetAction(r => WithDb(r.GetValue(db)!, d =>
        {
            var records = d.List(new CalibrationFilter(r.GetValue(instrument), r.GetValue(category)));
            var rows = records.Select(rec => (rec, Status: FileStatus(rec, r.GetValue(verify)))).ToList();
            if (r.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(x => new
                {
                    id = x.rec.Id, category = x.rec.Category, instrument = x.rec.Instrument, mjd = x.rec.Mjd, valid_from = x.rec.ValidFrom, valid_to = x.rec.ValidTo,
                    quality = SqlCalibrationDatabase.QualityName(x.rec.Quality), keys = x.rec.Keys, qc = x.rec.Qc, path = x.rec.Path, checksum = x.rec.Checksum, file = x.Status, note = x.rec.Note,
                }), new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                var table = new Table().Border(TableBorder.Simple);
                foreach (var c in new[] { "id", "category", "instrument", "time (UTC)", "quality", "file", "path" }) table.AddColumn(c);
                foreach (var (rec, status) in rows)
                    table.AddRow(rec.Id.ToString(CultureInfo.InvariantCulture), rec.Category, Markup.Escape(rec.Instrument), OrganiseCommand.FormatMjd(rec.Mjd), SqlCalibrationDatabase.QualityName(rec.Quality), status, Markup.Escape(rec.Path));
                AnsiConsole.Write(table);
                Console.WriteLine($"{rows.Count} record(s) in {d.Description}");
            }
            return rows.Any(x => x.Status != "ok") ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }));
        return cmd;
    }

    private static string FileStatus(CalibrationRecord rec, bool verify)
    {
        if (!File.Exists(rec.Path)) return "MISSING";
        if (!verify || rec.Checksum is null) return "ok";
        return CalibrationDatabase.Checksum(rec.Path) == rec.Checksum ? "ok" : "CHANGED";
    }

    private static Command Add()
    {
        var db = Db();
        var files = new Argument<string[]>("files") { Description = "Calibration product files", Arity = ArgumentArity.OneOrMore }.RejectUnknownOptions();
        var category = new Option<string>("--category") { Description = "Product category, e.g. MASTER_BIAS", Required = true };
        var instrument = new Option<string?>("--instrument", "-i") { Description = "Instrument name (default: identified from the header)" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files" };
        var quality = new Option<string>("--quality") { Description = "certified, provisional or bad", DefaultValueFactory = _ => "provisional" };
        var from = new Option<string?>("--valid-from") { Description = "Start of validity: MJD or ISO date" };
        var to = new Option<string?>("--valid-to") { Description = "End of validity: MJD or ISO date" };
        var keys = new Option<string[]>("--key") { Description = "Override or add a match key: name=value (repeatable)", AllowMultipleArgumentsPerToken = true };
        var qc = new Option<string[]>("--qc") { Description = "QC value: name=number (repeatable)", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("add", "Register calibration products; match keys and time come from the header through the instrument file") { files, db, category, instrument, instruments, quality, from, to, keys, qc };
        cmd.SetAction(r =>
        {
            CalibrationQuality q;
            double? validFrom, validTo;
            Dictionary<string, string> extraKeys;
            Dictionary<string, double> qcValues;
            try
            {
                q = SqlCalibrationDatabase.ParseQuality(r.GetValue(quality)!);
                validFrom = ParseTime(r.GetValue(from));
                validTo = ParseTime(r.GetValue(to));
                extraKeys = Pairs(r.GetValue(keys)).ToDictionary(p => p.Key, p => p.Value);
                qcValues = Pairs(r.GetValue(qc)).ToDictionary(p => p.Key, p => double.TryParse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"QC value '{p.Key}={p.Value}' is not a number"));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"parallax: {e.Message}");
                return ExitCodes.UsageError;
            }
            var catalog = InstrumentOptions.Load(r.GetValue(instruments));
            if (catalog is null) return ExitCodes.Failed;
            var forced = r.GetValue(instrument) is { } name ? catalog.Find(name) : null;
            if (r.GetValue(instrument) is { } n2 && forced is null)
            {
                Console.Error.WriteLine($"parallax: no instrument named '{n2}'");
                return ExitCodes.UsageError;
            }
            return WithDb(r.GetValue(db)!, d =>
            {
                var failed = 0;
                var paths = r.GetValue(files)!;
                foreach (var path in paths)
                {
                    try
                    {
                        var header = FitsFile.ReadPrimaryHeader(path);
                        var inst = forced ?? catalog.Identify(header).Instrument;
                        if (inst is null)
                        {
                            Console.Error.WriteLine($"parallax: {path}: {catalog.Identify(header).Reason}");
                            failed++;
                            continue;
                        }
                        var values = FrameValues.For(inst, header);
                        var recordKeys = inst.Keywords.ToDictionary(k => k.Name, k => values.Text(k.Name));
                        foreach (var (k, v) in extraKeys) recordKeys[k] = v;
                        var id = d.Add(new CalibrationRecord
                        {
                            Category = r.GetValue(category)!, Instrument = inst.Name, Keys = recordKeys, Mjd = values.Mjd, ValidFrom = validFrom, ValidTo = validTo,
                            Quality = q, Qc = qcValues, Path = Path.GetFullPath(path), Checksum = CalibrationDatabase.Checksum(path),
                        });
                        Console.WriteLine($"added #{id} {r.GetValue(category)} {inst.Name} {Path.GetFullPath(path)}");
                    }
                    catch (Exception e) when (CliErrors.Report(path, e))
                    {
                        failed++;
                    }
                }
                return failed == paths.Length ? ExitCodes.Failed : failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
            });
        });
        return cmd;
    }

    private static Command Remove()
    {
        var db = Db();
        var id = new Argument<long>("id") { Description = "Record id (see caldb list)" };
        var cmd = new Command("remove", "Remove a record (the file is left alone)") { id, db };
        cmd.SetAction(r => WithDb(r.GetValue(db)!, d => Done(d.Remove(r.GetValue(id)), r.GetValue(id), "removed")));
        return cmd;
    }

    private static Command SetQuality(string name, CalibrationQuality quality, string description)
    {
        var db = Db();
        var id = new Argument<long>("id") { Description = "Record id (see caldb list)" };
        var note = new Option<string?>("--note") { Description = "Why (kept with the record)" };
        var cmd = new Command(name, description) { id, db, note };
        cmd.SetAction(r => WithDb(r.GetValue(db)!, d => Done(d.SetQuality(r.GetValue(id), quality, r.GetValue(note)), r.GetValue(id), SqlCalibrationDatabase.QualityName(quality))));
        return cmd;
    }

    private static Command Explain()
    {
        var db = Db();
        var file = new Argument<string>("file") { Description = "A raw frame" };
        var calibration = new Option<string?>("--calibration") { Description = "Only this calibration category (default: every one the frame's category needs)" };
        var instrument = new Option<string?>("--instrument", "-i") { Description = "Instrument name (default: identified from the header)" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files" };
        var cmd = new Command("explain", "Classify a frame and show which calibrations its instrument's rules select from the database, or why none qualifies") { file, db, calibration, instrument, instruments };
        cmd.SetAction(r =>
        {
            var catalog = InstrumentOptions.Load(r.GetValue(instruments));
            if (catalog is null) return ExitCodes.Failed;
            var path = r.GetValue(file)!;
            return WithDb(r.GetValue(db)!, d =>
            {
                try
                {
                    var header = FitsFile.ReadPrimaryHeader(path);
                    var forced = r.GetValue(instrument) is { } n ? catalog.Find(n) : null;
                    var frame = Organiser.ClassifyOne(path, header, forced, catalog);
                    if (!frame.IsClassified)
                    {
                        Console.WriteLine($"{path}: unclassified: {frame.Reason}");
                        return ExitCodes.SomeInputsFailed;
                    }
                    var inst = frame.Instrument!;
                    Console.WriteLine($"{path}: {inst.Name} {frame.Category} at {OrganiseCommand.FormatMjd(frame.Mjd)} UTC (rule {frame.Rule!.Location})");
                    var target = new CalibrationTarget { Label = $"{frame.Category} frame {Path.GetFileName(path)}", Values = inst.Keywords.ToDictionary(k => k.Name, k => frame.Values!.Text(k.Name)), Mjd = frame.Mjd };
                    var rules = inst.AssociationsFor(frame.Category!).Where(a => r.GetValue(calibration) is not { } c || a.Calibration == c).ToList();
                    if (rules.Count == 0) Console.WriteLine($"  {inst.Name} declares no calibration for {frame.Category}{(r.GetValue(calibration) is { } c2 ? $" named {c2}" : "")}");
                    var missing = 0;
                    foreach (var rule in rules)
                    {
                        var candidates = d.List(new CalibrationFilter(inst.Name, rule.Calibration)).Select(CalibrationCandidate.FromRecord);
                        var selection = CalibrationSelector.Select(rule, target, candidates);
                        if (!selection.Found && rule.Required) missing++;
                        foreach (var line in selection.Explanation.Split('\n')) Console.WriteLine("  " + line);
                    }
                    return missing > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
                }
                catch (Exception e) when (CliErrors.Report(path, e))
                {
                    return ExitCodes.Failed;
                }
            });
        });
        return cmd;
    }

    private static int Done(bool found, long id, string what)
    {
        if (!found)
        {
            Console.Error.WriteLine($"parallax: no calibration record #{id}");
            return ExitCodes.Failed;
        }
        Console.WriteLine($"#{id} {what}");
        return ExitCodes.Success;
    }

    private static int WithDb(string target, Func<ICalibrationDatabase, int> action)
    {
        try
        {
            using var db = CalibrationDatabase.Open(target);
            return action(db);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"parallax: calibration database {target}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string[]? items)
    {
        foreach (var item in (items ?? []).SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0) throw new FormatException($"'{item}' is not name=value");
            yield return KeyValuePair.Create(item[..eq].Trim(), item[(eq + 1)..].Trim());
        }
    }

    private static double? ParseTime(string? text)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var mjd)) return mjd;
        if (TimeConversions.TryParseDate(text, null, out var utc)) return TimeConversions.ToMjd(utc);
        throw new FormatException($"'{text}' is neither an MJD nor an ISO date");
    }
}
