namespace Parallax.Imaging.Combine;

/// <summary>How the values of a pixel that survive rejection become one value.</summary>
public enum CombineMethod
{
    /// <summary>Arithmetic mean: the least noisy estimate for Gaussian noise once outliers are rejected.</summary>
    Mean,

    /// <summary>Mean weighted by inverse variance, w = 1/σ²: optimal when frames differ in noise; needs a variance for every frame.</summary>
    WeightedMean,

    /// <summary>Median (mean of the two middle values for an even count): robust without rejection, about 25% noisier than the mean.</summary>
    Median,

    /// <summary>Sum of the accepted values (as IRAF and ccdproc: not rescaled for rejected or masked values, so check the frames-used map).</summary>
    Sum,
}
