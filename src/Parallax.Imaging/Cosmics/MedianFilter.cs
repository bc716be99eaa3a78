using Parallax.Imaging.Arithmetic;

namespace Parallax.Imaging.Cosmics;

/// <summary>
/// Median filters of float images with the edge convention of L.A.Cosmic's fast implementations
/// (astroscrappy): a pixel closer to the edge than the window's half-size is copied from the input
/// unchanged, every other pixel gets the exact median of its window. Images are width × height,
/// row by row (x fastest). Rows run in parallel for big images; no per-pixel allocation.
/// NaN: a window holding a NaN gets an unspecified value (NaN or one of its values); windows
/// without NaN are unaffected. Replace NaN first where that matters.
/// </summary>
public static class MedianFilter
{
    /// <summary>Largest square window side (7 × 7 = 49 values).</summary>
    public const int MaxSquareSize = 7;

    /// <summary>Largest separable window length.</summary>
    public const int MaxSeparableSize = 63;

    /// <summary>
    /// Square median filter: output(x, y) = median of the size × size input pixels centred on (x, y),
    /// for pixels at least size/2 from every edge; the others are copied from <paramref name="input"/>.
    /// </summary>
    /// <param name="input">width × height values; not changed.</param>
    /// <param name="output">width × height values to fill; a different array from the input.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="size">Window side: 1, 3, 5 or 7.</param>
    /// <exception cref="ArgumentException">Wrong lengths, the same array twice, or a size that is even or out of range.</exception>
    public static void Square(float[] input, float[] output, int width, int height, int size)
    {
        Check(input, output, width, height, size, MaxSquareSize);
        var r = size / 2;
        var offsets = new int[size * size];
        for (int dy = -r, k = 0; dy <= r; dy++)
            for (var dx = -r; dx <= r; dx++) offsets[k++] = dy * width + dx;
        ParallelRows.For(width, height, new WindowMedianRows(input, output, input, width, height, r, r, offsets));
    }

    /// <summary>
    /// Separable median filter: the median of size pixels along each row, then the median of size of
    /// those along each column. It is close to, but not the same as, the square median, and much
    /// cheaper. Pixels less than size/2 from any edge are copied from <paramref name="input"/>.
    /// </summary>
    /// <param name="input">width × height values; not changed.</param>
    /// <param name="output">width × height values to fill; a different array from the input.</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Rows.</param>
    /// <param name="size">Window length: odd, 1..<see cref="MaxSeparableSize"/>.</param>
    /// <param name="scratch">Optional width × height work array (distinct from both images) reused between calls; allocated when null.</param>
    /// <exception cref="ArgumentException">Wrong lengths, shared arrays, or a size that is even or out of range.</exception>
    public static void Separable(float[] input, float[] output, int width, int height, int size, float[]? scratch = null)
    {
        Check(input, output, width, height, size, MaxSeparableSize);
        scratch ??= new float[input.Length];
        if (scratch.Length != input.Length || ReferenceEquals(scratch, input) || ReferenceEquals(scratch, output))
            throw new ArgumentException("scratch must be a separate array of width × height values", nameof(scratch));
        var r = size / 2;
        var along = new int[size];
        var down = new int[size];
        for (var k = 0; k < size; k++)
        {
            along[k] = k - r;
            down[k] = (k - r) * width;
        }
        ParallelRows.For(width, height, new WindowMedianRows(input, scratch, input, width, height, r, 0, along));
        ParallelRows.For(width, height, new WindowMedianRows(scratch, output, input, width, height, r, r, down));
    }

    private static void Check(float[] input, float[] output, int width, int height, int size, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (width < 0 || height < 0) throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}×{height} is negative");
        if (input.Length != (long)width * height) throw new ArgumentException($"input holds {input.Length} values but {width}×{height} were expected", nameof(input));
        if (output.Length != input.Length) throw new ArgumentException($"output holds {output.Length} values but {input.Length} were expected", nameof(output));
        if (ReferenceEquals(input, output)) throw new ArgumentException("input and output must be different arrays", nameof(output));
        if (size < 1 || size > maxSize || size % 2 == 0) throw new ArgumentOutOfRangeException(nameof(size), $"window size must be odd, 1..{maxSize}, not {size}");
    }
}
