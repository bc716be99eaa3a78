namespace Parallax.Recipes.Imaging;

/// <summary>How a master flat is scaled.</summary>
public enum FlatNormalisation
{
    /// <summary>Each flat scaled to a median of 1 before combining, and the master to a median of 1 over the data sections.</summary>
    Median,

    /// <summary>As <see cref="Median"/>, with the mean.</summary>
    Mean,

    /// <summary>Not scaled: the master stays in ADU (for flats of equal level).</summary>
    None,
}
