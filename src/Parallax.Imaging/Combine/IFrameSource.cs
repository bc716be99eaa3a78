namespace Parallax.Imaging.Combine;

/// <summary>
/// One input frame of a stack, read in row bands so that a stack of any size can be combined
/// under a memory budget. A source backed by a file keeps it open and reads only the rows asked
/// for (see <see cref="Io.FitsFrameSource"/>); an in-memory one copies (see <see cref="MaskedImageFrameSource"/>).
/// The combiner calls each source from one thread at a time, and different sources concurrently.
/// </summary>
public interface IFrameSource
{
    /// <summary>A name for messages and provenance (usually the file name).</summary>
    string Name { get; }

    /// <summary>Columns.</summary>
    int Width { get; }

    /// <summary>Rows.</summary>
    int Height { get; }

    /// <summary>The pixel unit (BUNIT), e.g. "adu"; every frame of a stack must share it.</summary>
    string Unit { get; }

    /// <summary>True when the frame has a variance plane (otherwise variance reads as zeros).</summary>
    bool HasVariance { get; }

    /// <summary>True when the frame has a mask plane (otherwise the mask reads as zeros).</summary>
    bool HasMask { get; }

    /// <summary>Exposure time in seconds, when known (for exposure scaling).</summary>
    double? ExposureTime { get; }

    /// <summary>
    /// Reads rows firstRow .. firstRow + rowCount − 1. <paramref name="data"/> receives rowCount × Width
    /// values; <paramref name="variance"/> and <paramref name="mask"/> are either empty (not wanted:
    /// nothing is read) or the same length as <paramref name="data"/>.
    /// </summary>
    void ReadRows(int firstRow, int rowCount, Span<float> data, Span<float> variance, Span<ushort> mask);
}
