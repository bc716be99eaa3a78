namespace Parallax.Imaging.Combine;

/// <summary>
/// Where the variance of a combined pixel comes from. With k accepted values (scaled as the data)
/// and σ̂² = Σ(x − x̄)²/(k − 1) their sample variance:
/// <list type="table">
/// <item><term>method</term><description>propagated / from scatter</description></item>
/// <item><term>mean</term><description>Σσᵢ²/k² / σ̂²/k</description></item>
/// <item><term>weighted mean</term><description>1/Σ(1/σᵢ²) / σ̂²/k</description></item>
/// <item><term>median</term><description>(π/2)·Σσᵢ²/k² / (π/2)·σ̂²/k (the large-k efficiency of the median for Gaussian noise)</description></item>
/// <item><term>sum</term><description>Σσᵢ² / k·σ̂²</description></item>
/// </list>
/// The scatter estimate needs k ≥ 2; with one value it is NaN (unknown).
/// </summary>
public enum VarianceMode
{
    /// <summary>Propagated when every input has a variance plane, from the scatter otherwise.</summary>
    Auto,

    /// <summary>From the input variances (a raw frame without a VAR plane contributes 0).</summary>
    Propagated,

    /// <summary>From the scatter of the accepted values about their mean.</summary>
    Scatter,
}
