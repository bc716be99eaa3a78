namespace Parallax.Pipeline.Recipes;

/// <summary>Where a parameter's value came from. Later sources win: default &lt; instrument file &lt; user file &lt; command line.</summary>
public enum ParameterSource
{
    /// <summary>The recipe's own default.</summary>
    RecipeDefault = 0,

    /// <summary>The instrument file's <c>recipes</c> section.</summary>
    InstrumentFile = 1,

    /// <summary>A user parameter file (<c>--params FILE</c>, YAML or JSON).</summary>
    UserFile = 2,

    /// <summary>The command line (<c>--param name=value</c>).</summary>
    CommandLine = 3,
}
