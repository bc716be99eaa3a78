namespace Parallax.Imaging.Arithmetic;

/// <summary>
/// Runs a pixel operation over an image in bands of whole rows, in parallel for big images and
/// inline for small ones (where thread hand-off would cost more than the work).
/// </summary>
internal static class ParallelRows
{
    /// <summary>Images with fewer pixels than this run on the calling thread.</summary>
    public const int InlineBelowPixels = 1 << 18;

    /// <summary>Target pixels per parallel work item: big enough to amortise scheduling, small enough to balance load.</summary>
    private const int PixelsPerBand = 1 << 16;

    /// <summary>Applies <paramref name="operation"/> to every pixel of a width × height image, row band by row band.</summary>
    public static void For<T>(int width, int height, T operation) where T : struct, IRangeOperation
    {
        var total = (long)width * height;
        if (total == 0) return;
        if (total < InlineBelowPixels || Environment.ProcessorCount == 1 || width == 0)
        {
            operation.Invoke(0, (int)total);
            return;
        }
        var rowsPerBand = Math.Max(1, PixelsPerBand / width);
        var bands = (height + rowsPerBand - 1) / rowsPerBand;
        Parallel.For(0, bands, b =>
        {
            var y0 = b * rowsPerBand;
            var rows = Math.Min(rowsPerBand, height - y0);
            operation.Invoke(y0 * width, rows * width);
        });
    }
}
