using Parallax.Pipeline.Recipes;
using Parallax.Recipes;

namespace Parallax.Cli.Commands;

/// <summary>The recipes the command knows, and the one-line answer for a name it does not.</summary>
internal static class RecipeList
{
    public static RecipeRegistry Registry { get; } = StandardRecipes.CreateRegistry();

    /// <summary>The recipe, or null after printing the known names.</summary>
    public static IRecipe? Find(string name)
    {
        if (Registry.Find(name) is { } recipe) return recipe;
        Console.Error.WriteLine($"parallax: no recipe named '{name}' (recipes: {string.Join(", ", Registry.All.Select(r => r.Name))}; see 'parallax recipes')");
        return null;
    }
}
