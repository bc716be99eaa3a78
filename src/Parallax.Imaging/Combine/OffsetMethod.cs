namespace Parallax.Imaging.Combine;

/// <summary>
/// Additive normalisation of each frame, applied after scaling (sky frames with different
/// background): z_i = mean_j(L_j) − L_i with L_i the scaled frame's level, so every frame has the
/// same level before rejection. The variance is unchanged.
/// </summary>
public enum OffsetMethod
{
    /// <summary>No offset.</summary>
    None,

    /// <summary>L_i = median of the frame's usable pixels (sampled as for <see cref="ScaleMethod.Median"/>).</summary>
    Median,
}
