using Parallax.Imaging.Arithmetic;

namespace Parallax.Imaging.Cosmics;

/// <summary>
/// Adapts a body working on rows [y0, y1) to <see cref="ParallelRows"/>: one delegate call per
/// band of rows, so the per-pixel loops inside stay plain loops over spans.
/// </summary>
internal readonly struct RowBand(int width, Action<int, int> body) : IRangeOperation
{
    /// <summary>Runs <paramref name="body"/> over every row of a width × height image, bands in parallel for big images.</summary>
    public static void For(int width, int height, Action<int, int> body)
        => ParallelRows.For(width, height, new RowBand(width, body));

    /// <inheritdoc/>
    public void Invoke(int start, int length) => body(start / width, (start + length) / width);
}
