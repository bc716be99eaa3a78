namespace Parallax.Pipeline.Recipes;

/// <summary>The recipes known to a run, by name. A later registration with the same name replaces the earlier one (so a better implementation can take over a name).</summary>
public sealed class RecipeRegistry
{
    private readonly Dictionary<string, IRecipe> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty registry.</summary>
    public RecipeRegistry()
    {
    }

    /// <summary>A registry of the given recipes.</summary>
    public RecipeRegistry(IEnumerable<IRecipe> recipes)
    {
        foreach (var r in recipes) Register(r);
    }

    /// <summary>Every recipe, by name.</summary>
    public IReadOnlyList<IRecipe> All => [.. _byName.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>Adds or replaces a recipe.</summary>
    public RecipeRegistry Register(IRecipe recipe)
    {
        _byName[recipe.Name] = recipe;
        return this;
    }

    /// <summary>The recipe with this name (case-insensitive), or null.</summary>
    public IRecipe? Find(string name) => _byName.GetValueOrDefault(name);
}
