namespace Parallax.Recipes.Imaging;

/// <summary>How a stack of frames is combined pixel by pixel.</summary>
public enum CombineMethod
{
    /// <summary>The median of the values kept (robust against cosmic rays and outliers; noisier by √(π/2)).</summary>
    Median,

    /// <summary>The mean of the values kept (least noise; outliers must be clipped first).</summary>
    Mean,
}
