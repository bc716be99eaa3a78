using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes;

/// <summary>The recipes shipped with Parallax.</summary>
public static class StandardRecipes
{
    /// <summary>Every shipped recipe.</summary>
    public static IReadOnlyList<IRecipe> All { get; } = [new MasterBias(), new MasterDark(), new MasterFlat(), new BadPixelMap(), new ReduceImage(), new Illumination(), new CoaddImages(), new Spectroscopy.WavelengthCalibration()];

    /// <summary>A registry holding every shipped recipe.</summary>
    public static RecipeRegistry CreateRegistry() => new(All);
}
