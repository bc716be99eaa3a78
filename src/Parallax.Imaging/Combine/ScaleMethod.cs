namespace Parallax.Imaging.Combine;

/// <summary>
/// Multiplicative normalisation of each frame before combining (flats of different brightness,
/// darks of different exposure). Frame i is multiplied by s_i = mean_j(L_j) / L_i, where L is
/// the level below, so the combined image stays at the average level of the inputs. Its
/// variance is multiplied by s_i².
/// </summary>
public enum ScaleMethod
{
    /// <summary>No scaling (s_i = 1).</summary>
    None,

    /// <summary>L_i = median of the frame's usable pixels (of a sample of rows for big frames; see CombineParameters.ScaleSamplePixels).</summary>
    Median,

    /// <summary>L_i = 2.5·median − 1.5·mean of the frame's 3σ-clipped pixels (SExtractor's mode estimate; same sampling as Median).</summary>
    Mode,

    /// <summary>L_i = the frame's exposure time (EXPTIME), so the result is at the mean exposure.</summary>
    Exposure,
}
