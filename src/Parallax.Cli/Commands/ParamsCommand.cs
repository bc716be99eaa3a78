using System.CommandLine;
using System.Text.Json;
using Parallax.Pipeline.Recipes;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax params RECIPE</c>: a recipe's parameters with defaults, ranges, docs, and the instrument file's values.</summary>
internal static class ParamsCommand
{
    public static Command Create()
    {
        var recipeName = new Argument<string>("recipe") { Description = "Recipe name (see 'parallax recipes')" };
        var instrument = new Option<string?>("--instrument", "-i") { Description = "Also show the values this instrument's file sets (they override the defaults)" };
        var instruments = new Option<string?>("--instruments") { Description = "Extra folder of instrument files" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var cmd = new Command("params", "Show a recipe's parameters: type, default, valid range or choices, meaning, and the instrument file's value") { recipeName, instrument, instruments, json };
        cmd.SetAction(r =>
        {
            var recipe = RecipeList.Find(r.GetValue(recipeName)!);
            if (recipe is null) return ExitCodes.UsageError;
            Pipeline.Instruments.InstrumentDefinition? inst = null;
            if (r.GetValue(instrument) is { } name)
            {
                var catalog = InstrumentOptions.Load(r.GetValue(instruments));
                if (catalog is null) return ExitCodes.Failed;
                inst = catalog.Find(name);
                if (inst is null)
                {
                    Console.Error.WriteLine($"parallax: no instrument named '{name}' (loaded: {string.Join(", ", catalog.Instruments.Select(i => i.Name))})");
                    return ExitCodes.UsageError;
                }
            }
            var fromInstrument = ParameterResolver.InstrumentLayer(inst, recipe.Name)?.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var rows = recipe.Parameters.Parameters.Select(p => new
            {
                p.Name,
                Kind = p.KindName,
                Default = p.Format(p.Default),
                Range = p.RangeText,
                p.Unit,
                Instrument = fromInstrument.TryGetValue(p.Name, out var v) ? (p.TryConvert(v, out var typed, out var error) ? p.Format(typed) : $"INVALID: {error}") : null,
                p.Doc,
            }).ToList();
            var unknown = fromInstrument.Keys.Where(k => recipe.Parameters.Find(k) is null).ToList();
            if (r.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    recipe = recipe.Name,
                    instrument = inst?.Name,
                    parameters = rows.Select(x => new { name = x.Name, type = x.Kind, @default = x.Default, range = x.Range, unit = x.Unit, instrument = x.Instrument, doc = x.Doc }),
                    unknown_in_instrument_file = unknown,
                }, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Console.WriteLine($"{recipe.Name}: {recipe.Synopsis}");
                if (rows.Count == 0)
                {
                    Console.WriteLine("  (no parameters)");
                    return ExitCodes.Success;
                }
                var table = new Table().Border(TableBorder.Simple);
                foreach (var c in inst is null ? new[] { "name", "type", "default", "valid", "meaning" } : ["name", "type", "default", "valid", inst.Name, "meaning"]) table.AddColumn(Markup.Escape(c));
                foreach (var x in rows)
                {
                    var valid = x.Unit is null ? x.Range : $"{x.Range} {x.Unit}".Trim();
                    var cells = new List<string> { x.Name, x.Kind, x.Default, valid };
                    if (inst is not null) cells.Add(x.Instrument ?? "—");
                    cells.Add(x.Doc);
                    table.AddRow(cells.Select(Markup.Escape).ToArray());
                }
                AnsiConsole.Write(table);
                Console.WriteLine("Precedence: default < instrument file < --params FILE < --param name=value.");
            }
            foreach (var k in unknown) Console.Error.WriteLine($"parallax: {inst!.Name}: recipes.{recipe.Name}.{k} is not a parameter of {recipe.Name}");
            return unknown.Count > 0 || rows.Any(x => x.Instrument?.StartsWith("INVALID", StringComparison.Ordinal) == true) ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        });
        return cmd;
    }
}
