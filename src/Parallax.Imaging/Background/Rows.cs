namespace Parallax.Imaging.Background;

/// <summary>Row bands of an image run in parallel for big images and inline for small ones.</summary>
internal static class Rows
{
    /// <summary>Runs <paramref name="body"/>(firstRow, endRow) over bands of rows covering 0..height.</summary>
    public static void For(int height, int width, Action<int, int> body)
    {
        var total = (long)height * width;
        if (total < Arithmetic.ParallelRows.InlineBelowPixels || Environment.ProcessorCount == 1)
        {
            body(0, height);
            return;
        }
        var bands = Math.Min(height, Environment.ProcessorCount * 4);
        var per = (height + bands - 1) / bands;
        Parallel.For(0, (height + per - 1) / per, b => body(b * per, Math.Min(height, (b + 1) * per)));
    }
}
