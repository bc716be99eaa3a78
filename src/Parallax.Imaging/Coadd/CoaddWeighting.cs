namespace Parallax.Imaging.Coadd;

/// <summary>How much each frame counts in a coadd's weighted mean. Weights are per frame (constant over it), as SWarp's BACKGROUND weights: a weight that followed each pixel's own variance would favour the frames where a star happened to fluctuate low and bias its flux.</summary>
public enum CoaddWeighting
{
    /// <summary>w = 1 / (median variance of the frame's usable pixels, in output units): optimal for sky-limited frames of different depth.</summary>
    InverseVariance,

    /// <summary>w = exposure time in seconds.</summary>
    Exposure,

    /// <summary>Every frame counts the same (w = 1).</summary>
    Uniform,
}
