using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Recipes;

/// <summary>
/// Resolves a recipe's parameters by precedence: recipe default &lt; instrument file
/// (<c>recipes.&lt;name&gt;</c>) &lt; user parameter file &lt; command line. Every value is converted and
/// checked against its parameter's range or choices, then the record's <see cref="RecipeParameters.Validate"/>
/// checks the fields together. All problems are collected and thrown at once.
/// </summary>
public static class ParameterResolver
{
    /// <summary>The instrument file's layer for a recipe, or null when the file sets none of its parameters.</summary>
    public static ParameterLayer? InstrumentLayer(InstrumentDefinition? instrument, string recipe)
    {
        if (instrument is null || !instrument.RecipeDefaults.TryGetValue(recipe, out var values) || values.Count == 0) return null;
        return new ParameterLayer(ParameterSource.InstrumentFile, Path.GetFileName(instrument.SourceFile), [.. values]);
    }

    /// <summary>Resolves the parameters of <paramref name="recipe"/>.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="instrument">The instrument whose file supplies defaults, or null.</param>
    /// <param name="layers">User layers (parameter files, command line), in any order: they are applied by <see cref="ParameterLayer.Source"/>, then in the order given.</param>
    /// <param name="strictUnscoped">
    /// True (one recipe run): a plain name the recipe does not declare is an error. False (a whole
    /// cascade): a plain name is meant for the recipes that declare it and others ignore it — check it with <see cref="UnknownKeys"/>.
    /// </param>
    /// <exception cref="ParameterException">Any value is unknown, of the wrong type, out of range, or the combination is invalid.</exception>
    public static ResolvedParameters Resolve(IRecipe recipe, InstrumentDefinition? instrument, IEnumerable<ParameterLayer> layers, bool strictUnscoped = true)
    {
        var schema = recipe.Parameters;
        var entries = schema.Parameters.ToDictionary(d => d.Name, d => new ResolvedParameter(d, d.Default, ParameterSource.RecipeDefault, "recipe default"), StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var all = new List<ParameterLayer>();
        if (InstrumentLayer(instrument, recipe.Name) is { } fromInstrument) all.Add(fromInstrument);
        all.AddRange(layers);
        foreach (var layer in all.OrderBy(l => l.Source))
        {
            foreach (var (key, raw) in layer.Values)
            {
                var scope = layer.Source == ParameterSource.InstrumentFile ? recipe.Name : ParameterLayer.ScopeOf(key);
                if (scope is not null && !string.Equals(scope, recipe.Name, StringComparison.OrdinalIgnoreCase)) continue;
                var name = layer.Source == ParameterSource.InstrumentFile ? key : ParameterLayer.NameOf(key);
                var descriptor = schema.Find(name);
                if (descriptor is null)
                {
                    if (scope is null && !strictUnscoped) continue;
                    problems.Add($"{recipe.Name}: unknown parameter '{name}' (from {Where(layer)}){Hint(schema, name)}");
                    continue;
                }
                if (descriptor.TryConvert(raw, out var value, out var error)) entries[descriptor.Name] = new ResolvedParameter(descriptor, value, layer.Source, layer.Origin);
                else problems.Add($"{recipe.Name}: {error} (from {Where(layer)})");
            }
        }
        if (problems.Count > 0) throw new ParameterException(problems);
        var values = schema.Create(entries.ToDictionary(e => e.Key, e => e.Value.Value, StringComparer.OrdinalIgnoreCase));
        var ordered = schema.Parameters.Select(d => entries[d.Name]).ToList();
        var combined = values.Validate().ToList();
        if (combined.Count > 0)
        {
            // Say where each value involved came from, so the user knows which file or option to change.
            string Sources(string problem) => string.Join(", ", ordered.Where(e => System.Text.RegularExpressions.Regex.IsMatch(problem, $@"\b{System.Text.RegularExpressions.Regex.Escape(e.Descriptor.Name)}\b")).Select(e => $"{e.Descriptor.Name} from {Where(e)}"));
            throw new ParameterException(combined.Select(p => Sources(p) is { Length: > 0 } s ? $"{recipe.Name}: {p} ({s})" : $"{recipe.Name}: {p}").ToList());
        }
        return new ResolvedParameters(recipe.Name, values, ordered);
    }

    /// <summary>
    /// Keys of user layers that no recipe in <paramref name="recipes"/> can take: a plain name no
    /// recipe declares, a scope that names no recipe, or a scoped name the recipe does not declare.
    /// </summary>
    public static IReadOnlyList<string> UnknownKeys(IEnumerable<ParameterLayer> layers, IReadOnlyCollection<IRecipe> recipes)
    {
        var problems = new List<string>();
        foreach (var layer in layers)
        {
            foreach (var (key, _) in layer.Values)
            {
                var scope = ParameterLayer.ScopeOf(key);
                var name = ParameterLayer.NameOf(key);
                if (scope is null)
                {
                    if (!recipes.Any(r => r.Parameters.Find(name) is not null))
                        problems.Add($"unknown parameter '{name}' (from {Where(layer)}): no recipe declares it");
                    continue;
                }
                var recipe = recipes.FirstOrDefault(r => string.Equals(r.Name, scope, StringComparison.OrdinalIgnoreCase));
                if (recipe is null) problems.Add($"'{key}' (from {Where(layer)}): no recipe named '{scope}' (recipes: {string.Join(", ", recipes.Select(r => r.Name))})");
                else if (recipe.Parameters.Find(name) is null) problems.Add($"{recipe.Name}: unknown parameter '{name}' (from {Where(layer)}){Hint(recipe.Parameters, name)}");
            }
        }
        return problems;
    }

    private static string Where(ParameterLayer layer) => layer.Source switch
    {
        ParameterSource.InstrumentFile => $"instrument file {layer.Origin}",
        ParameterSource.CommandLine => "the command line",
        _ => layer.Origin,
    };

    private static string Where(ResolvedParameter e) => e.Source switch
    {
        ParameterSource.RecipeDefault => "the default",
        ParameterSource.InstrumentFile => $"instrument file {e.Origin}",
        ParameterSource.CommandLine => "the command line",
        _ => e.Origin,
    };

    private static string Hint(ParameterSchema schema, string name)
        => schema.Suggest(name) is { } s ? $"; did you mean '{s}'?" : $"; {(schema.Parameters.Count == 0 ? "the recipe has no parameters" : "known: " + string.Join(", ", schema.Parameters.Select(p => p.Name)))}";
}
