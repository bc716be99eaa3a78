namespace Parallax.Imaging.Statistics;

/// <summary>The centre a sigma-clipping iteration measures deviations from (astropy's <c>cenfunc</c>).</summary>
public enum CentreFunction
{
    /// <summary>The median of the values kept so far: robust, the usual choice.</summary>
    Median,

    /// <summary>The mean of the values kept so far.</summary>
    Mean,
}
