namespace Parallax.Spectroscopy.Tracing;

/// <summary>Pixels covered by object traces, to leave out of a sky fit.</summary>
public static class ObjectMask
{
    /// <summary>
    /// Flags (true) every pixel of a <paramref name="width"/> × <paramref name="height"/> frame whose centre lies within
    /// <paramref name="halfWidth"/> rows of one of the traces at its column; row-major.
    /// </summary>
    /// <param name="width">Columns of the frame.</param>
    /// <param name="height">Rows of the frame.</param>
    /// <param name="traces">The objects' traces.</param>
    /// <param name="halfWidth">Rows each side of a trace, pixels (e.g. 2–3 FWHM).</param>
    public static bool[] Build(int width, int height, IEnumerable<ObjectTrace> traces, double halfWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(halfWidth);
        var mask = new bool[width * height];
        foreach (var t in traces)
            for (var x = 0; x < width; x++)
            {
                var yc = t.RowAt(x);
                var y0 = Math.Max(0, (int)Math.Ceiling(yc - halfWidth));
                var y1 = Math.Min(height - 1, (int)Math.Floor(yc + halfWidth));
                for (var y = y0; y <= y1; y++) mask[y * width + x] = true;
            }
        return mask;
    }
}
