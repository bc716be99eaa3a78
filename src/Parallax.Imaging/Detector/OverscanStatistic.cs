namespace Parallax.Imaging.Detector;

/// <summary>How one line of overscan pixels is reduced to a level (masked and NaN pixels are left out).</summary>
public enum OverscanStatistic
{
    /// <summary>The mean (ccdproc's <c>subtract_overscan(median=False)</c>): lowest noise, but cosmic rays in the overscan pull it.</summary>
    Mean,

    /// <summary>The median (ccdproc's <c>median=True</c>): robust, slightly noisier.</summary>
    Median,

    /// <summary>The mean after sigma clipping about the median (<see cref="OverscanOptions.ClipSigma"/>): robust and nearly as quiet as the mean.</summary>
    SigmaClippedMean,
}
