using System.CommandLine;
using System.Text.Json;
using Parallax.Pipeline.Recipes;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax recipes</c>: the recipes with their docs, inputs, calibrations and outputs.</summary>
internal static class RecipesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var cmd = new Command("recipes", "List the recipes: what each makes, its inputs, calibrations, outputs and steps") { json };
        cmd.SetAction(r =>
        {
            var recipes = RecipeList.Registry.All;
            if (r.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(recipes.Select(Describe), new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }
            foreach (var recipe in recipes)
            {
                var c = recipe.Connections;
                Console.WriteLine($"{recipe.Name} (version {recipe.Version}): {recipe.Synopsis}");
                Console.WriteLine($"  inputs:       {string.Join("; ", c.Inputs)}");
                if (c.Calibrations.Count > 0) Console.WriteLine($"  calibrations: {string.Join(", ", c.Calibrations)}");
                Console.WriteLine($"  outputs:      {string.Join("; ", c.Outputs)}");
                Console.WriteLine($"  parameters:   {(recipe.Parameters.Parameters.Count == 0 ? "none" : string.Join(", ", recipe.Parameters.Parameters.Select(p => p.Name)))} (see 'parallax params {recipe.Name}')");
                foreach (var line in recipe.Description.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine($"    {line.TrimEnd()}");
                Console.WriteLine();
            }
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static object Describe(IRecipe recipe) => new
    {
        name = recipe.Name,
        version = recipe.Version,
        synopsis = recipe.Synopsis,
        description = recipe.Description,
        inputs = recipe.Connections.Inputs.Select(i => new { categories = i.Categories, min = i.MinCount, max = i.MaxCount == int.MaxValue ? (int?)null : i.MaxCount, doc = i.Doc }),
        calibrations = recipe.Connections.Calibrations.Select(c => new { category = c.Category, required = c.Required, match = c.MatchKeys, max_days = c.MaxDays, doc = c.Doc }),
        outputs = recipe.Connections.Outputs.Select(o => new { category = o.Category, prodtype = o.ProductType, procstat = $"LEVEL_{(int)o.Level}", per_input = o.PerInput, intermediate = o.Intermediate, qc = o.Qc, doc = o.Doc }),
        parameters = recipe.Parameters.Parameters.Select(p => p.Name),
    };
}
