namespace Parallax.Imaging.Statistics;

/// <summary>The width a sigma-clipping iteration scales its thresholds by (astropy's <c>stdfunc</c>).</summary>
public enum SpreadFunction
{
    /// <summary>Population standard deviation (ddof = 0) of the values kept so far, as numpy's <c>std</c>.</summary>
    StandardDeviation,

    /// <summary>
    /// 1.482602218505602 · MAD (the median absolute deviation scaled to σ for a Gaussian), as
    /// astropy's <c>mad_std</c>: robust to the outliers being clipped.
    /// </summary>
    MadSigma,
}
