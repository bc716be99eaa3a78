namespace Parallax.Imaging.Resampling;

/// <summary>An image resampled onto a target grid, with its coverage map and how the mapping was approximated.</summary>
public sealed class ResampleResult
{
    internal ResampleResult(MaskedImage image, float[] coverage, int mappingStep, double mappingError, long droppedPixels)
    {
        Image = image;
        Coverage = coverage;
        MappingStep = mappingStep;
        MappingError = mappingError;
        DroppedPixels = droppedPixels;
    }

    /// <summary>
    /// The resampled image on the target grid (with <see cref="MaskedImage.Wcs"/> set to the grid's). Pixels with no
    /// data (outside the input, or dropped by the bad-pixel policy) are NaN with <see cref="MaskBits.NoData"/>.
    /// </summary>
    public MaskedImage Image { get; }

    /// <summary>
    /// Per output pixel, the fraction of the kernel weight that fell on usable input pixels, in [0, 1]: 1 inside the
    /// input, 0 where there are no data, in between at edges and next to masked pixels (a weight map for combining).
    /// </summary>
    public float[] Coverage { get; }

    /// <summary>Node spacing of the position-mapping grid actually used, output pixels (1: exact transforms at every pixel).</summary>
    public int MappingStep { get; }

    /// <summary>The largest difference between interpolated and exact input positions measured at the mapping grid's cell centres, input pixels (0 when exact).</summary>
    public double MappingError { get; }

    /// <summary>Output pixels with no value (NoData).</summary>
    public long DroppedPixels { get; }
}
