namespace Parallax.Imaging.Combine;

/// <summary>How tall the row bands can be under the memory budget, and what the combination will hold in memory.</summary>
internal readonly record struct BandPlan(int Rows, long BytesPerBandRow, long OutputBytes, long ReserveBytes)
{
    /// <summary>Bytes per pixel of the result: data 4, variance 4, mask 2, frames used 2, rejected 2.</summary>
    public const int OutputBytesPerPixel = 14;

    /// <summary>Frames read at once. Reading is decoding-bound; a few concurrent reads saturate it, and each holds a buffer.</summary>
    public const int MaxConcurrentReads = 8;

    /// <summary>A frame's band is read in pieces of at most this many bytes (whole rows), so each read uses one small buffer.</summary>
    public const int ReadChunkBytes = 1 << 20;

    /// <summary>Bytes held while combining: result, bands, and the reserve for read buffers and scratch.</summary>
    public long WorkingBytes => OutputBytes + Rows * BytesPerBandRow + ReserveBytes;

    /// <summary>Chooses the band height: as tall as the budget and the target band size allow, then evened out so the last band is not a sliver.</summary>
    /// <exception cref="ArgumentException">The budget cannot hold the result plus one row of every frame.</exception>
    public static BandPlan Create(int frames, int width, int height, bool variance, bool mask, long budget, long targetBandBytes, int workers)
    {
        var readers = Math.Min(Math.Min(workers, frames), MaxConcurrentReads);
        var bytesPerPixel = 4 + (variance ? 4 : 0) + (mask ? 2 : 0);
        var perRow = (long)frames * width * bytesPerPixel;
        var output = (long)width * height * OutputBytesPerPixel;
        // Each concurrent read decodes through one pooled buffer of at most ReadChunkBytes (never more than
        // a frame's bytes); the per-worker stacks are a few bytes per frame.
        var reserve = readers * Math.Min(ReadChunkBytes, 4L * width * height) + (long)workers * frames * 24;
        var rows = height == 0 ? 1 : height;
        if (targetBandBytes > 0) rows = (int)Math.Clamp(targetBandBytes / Math.Max(perRow, 1), 1, rows);
        if (budget == 0) return Even(rows, height, perRow, output, reserve);
        var available = budget - output - reserve;
        if (available < perRow)
        {
            throw new ArgumentException(
                $"the memory budget of {Mb(budget)} cannot hold the {Mb(output)} result plus one row of all {frames} frames ({Mb(perRow)}) and {Mb(reserve)} of read buffers; " +
                $"allow at least {Mb(output + perRow + reserve)}");
        }
        return Even((int)Math.Min(rows, available / perRow), height, perRow, output, reserve);
    }

    /// <summary>The same number of bands, with heights evened out so the last band is not a sliver.</summary>
    private static BandPlan Even(int rows, int height, long perRow, long output, long reserve)
    {
        if (height == 0) return new BandPlan(1, perRow, output, reserve);
        var bands = (height + rows - 1) / rows;
        return new BandPlan((height + bands - 1) / bands, perRow, output, reserve);
    }

    /// <summary>A byte count for messages: KiB below 1 MiB, MiB above.</summary>
    private static string Mb(long bytes) => bytes < 1 << 20
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB");
}
