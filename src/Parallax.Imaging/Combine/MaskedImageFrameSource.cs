namespace Parallax.Imaging.Combine;

/// <summary>A stack input held in memory: rows are copied out of a <see cref="MaskedImage"/>.</summary>
/// <param name="image">The frame.</param>
/// <param name="name">Name for messages; default "frame".</param>
/// <param name="exposureTime">Exposure time in seconds, if known.</param>
/// <param name="hasVariance">Whether the image's variance plane is meaningful (false: it reads as zeros, as a raw frame).</param>
/// <param name="hasMask">Whether the image's mask plane is meaningful.</param>
public sealed class MaskedImageFrameSource(MaskedImage image, string name = "frame", double? exposureTime = null, bool hasVariance = true, bool hasMask = true) : IFrameSource
{
    /// <summary>The wrapped image.</summary>
    public MaskedImage Image { get; } = image ?? throw new ArgumentNullException(nameof(image));

    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public int Width => Image.Width;

    /// <inheritdoc/>
    public int Height => Image.Height;

    /// <inheritdoc/>
    public string Unit => Image.Unit;

    /// <inheritdoc/>
    public bool HasVariance { get; } = hasVariance;

    /// <inheritdoc/>
    public bool HasMask { get; } = hasMask;

    /// <inheritdoc/>
    public double? ExposureTime { get; } = exposureTime;

    /// <inheritdoc/>
    public void ReadRows(int firstRow, int rowCount, Span<float> data, Span<float> variance, Span<ushort> mask)
    {
        FrameRows.Check(this, firstRow, rowCount, data.Length, variance.Length, mask.Length);
        var start = firstRow * Width;
        var n = rowCount * Width;
        Image.Data.AsSpan(start, n).CopyTo(data);
        if (!variance.IsEmpty)
        {
            if (HasVariance) Image.Variance.AsSpan(start, n).CopyTo(variance);
            else variance.Clear();
        }
        if (!mask.IsEmpty)
        {
            if (HasMask) Image.Mask.AsSpan(start, n).CopyTo(mask);
            else mask.Clear();
        }
    }
}
