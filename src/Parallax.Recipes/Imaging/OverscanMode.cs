namespace Parallax.Recipes.Imaging;

/// <summary>How the overscan level of each readout line is measured before it is subtracted.</summary>
public enum OverscanMode
{
    /// <summary>The median of the line's overscan pixels (robust against cosmic rays; the default).</summary>
    Median,

    /// <summary>The mean of the line's overscan pixels (least noise).</summary>
    Mean,

    /// <summary>The mean after 3σ clipping about the median.</summary>
    ClippedMean,

    /// <summary>No overscan subtraction (the master bias then carries the whole bias level).</summary>
    None,
}
