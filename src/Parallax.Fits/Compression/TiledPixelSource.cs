using System.Buffers;
using System.Runtime.ExceptionServices;
using Parallax.Fits.Images;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// The pixels of a tile-compressed image. A request is a box (a section, a band of rows, the
/// whole image); only the tiles that box touches are read from the heap and decoded, several
/// at once when there are enough of them, each straight into the result when its pixels lie
/// there contiguously (row tiles of a full-width read) and through a tile buffer otherwise.
/// </summary>
internal sealed class TiledPixelSource : PixelSource
{
    /// <summary>Below this many pixels a read decodes its tiles on the calling thread.</summary>
    private const long ParallelPixels = 1 << 16;

    /// <summary>Most tiles decoded from one heap read.</summary>
    private const long MaxBatchTiles = 256;

    private readonly BinaryTableHdu _table;
    private readonly CompressedImageLayout _layout;
    private readonly FitsReadOptions _options;
    private readonly Lazy<TileIndex> _index;
    private readonly TileDecoder _decoder;

    public TiledPixelSource(BinaryTableHdu table, CompressedImageLayout layout, FitsReadOptions options)
    {
        _table = table;
        _layout = layout;
        _options = options;
        _index = new Lazy<TileIndex>(() => TileIndex.Read(table, layout), LazyThreadSafetyMode.ExecutionAndPublication);
        _decoder = new TileDecoder(table, layout);
    }

    private TileGrid Grid => _layout.Grid ?? throw FitsFormatException.At(_table.Location, "the compressed image has no pixels (a ZNAXISn is 0)");

    public override void EnsureReadable()
    {
        var grid = Grid;
        long pixels = 1;
        foreach (var a in grid.Axes) pixels *= a;
        var bytes = pixels * Math.Abs(_layout.ZBitpix) / 8;
        if (bytes > _options.MaxDecompressedBytes)
            throw FitsFormatException.At(_table.Location, $"the compressed image expands to {bytes:N0} bytes, past the {_options.MaxDecompressedBytes:N0}-byte limit (FitsReadOptions.MaxDecompressedBytes); read it by sections");
        if (_table.IsTruncated)
            throw FitsFormatException.At(_table.Location, $"data unit is truncated: it needs {_table.DataSize:N0} bytes from offset {_table.DataOffset:N0} but the file is {_table.Source!.Length:N0} bytes long");
        _ = _index.Value;
    }

    public override void ReadFloat32(long firstPixel, Span<float> destination) => ReadLinear(firstPixel, destination, physical: true);

    public override void ReadFloat64(long firstPixel, Span<double> destination) => ReadLinear(firstPixel, destination, physical: true);

    public override void ReadSection(int x0, int y0, int width, int height, int plane, Span<float> destination)
    {
        var rank = Grid.Rank;
        var origin = new int[rank];
        var size = new int[rank];
        PlaneCorner(plane, origin, size);
        origin[0] = x0;
        size[0] = width;
        if (rank > 1)
        {
            origin[1] = y0;
            size[1] = height;
        }
        ReadBox(origin, size, destination, physical: true);
    }

    public override Array ReadRaw(int count)
    {
        var grid = Grid;
        var origin = new int[grid.Rank];
        var size = grid.Axes.ToArray();
        switch (_layout.ZBitpix)
        {
            case 8: { var r = GC.AllocateUninitializedArray<byte>(count); ReadBox<byte>(origin, size, r, false); return r; }
            case 16: { var r = GC.AllocateUninitializedArray<short>(count); ReadBox<short>(origin, size, r, false); return r; }
            case 32: { var r = GC.AllocateUninitializedArray<int>(count); ReadBox<int>(origin, size, r, false); return r; }
            case -32: { var r = GC.AllocateUninitializedArray<float>(count); ReadBox<float>(origin, size, r, false); return r; }
            default: { var r = GC.AllocateUninitializedArray<double>(count); ReadBox<double>(origin, size, r, false); return r; }
        }
    }

    /// <summary>
    /// Splits a run of consecutive pixels into boxes: a partial first row, whole rows of one plane,
    /// whole planes, a partial last row. Reading the whole image is one box.
    /// </summary>
    private void ReadLinear<T>(long firstPixel, Span<T> destination, bool physical) where T : unmanaged
    {
        var grid = Grid;
        var rank = grid.Rank;
        long width = grid.Axes[0], height = rank > 1 ? grid.Axes[1] : 1, planeSize = width * height;
        var done = 0;
        var origin = new int[rank];
        var size = new int[rank];
        while (done < destination.Length)
        {
            var p = firstPixel + done;
            var remaining = destination.Length - done;
            var x = (int)(p % width);
            var y = (int)(p / width % height);
            var plane = p / planeSize;
            int count;
            if (x != 0 || remaining < width)
            {
                count = (int)Math.Min(width - x, remaining);
                SetRows(plane, x, y, count, 1, origin, size);
            }
            else if (y != 0 || remaining < planeSize || rank <= 2)
            {
                var rows = (int)Math.Min(height - y, remaining / width);
                count = (int)(rows * width);
                SetRows(plane, 0, y, (int)width, rows, origin, size);
            }
            else if (rank == 3 || (done == 0 && firstPixel == 0 && remaining == PixelCount(grid)))
            {
                // Whole planes of a cube (or the whole of a higher-dimensional image) form one box.
                var planes = remaining / planeSize;
                count = (int)(planes * planeSize);
                if (rank == 3) { SetRows(plane, 0, 0, (int)width, (int)height, origin, size); size[2] = (int)planes; }
                else { Array.Clear(origin); grid.Axes.ToArray().CopyTo(size, 0); }
            }
            else
            {
                count = (int)planeSize;
                SetRows(plane, 0, 0, (int)width, (int)height, origin, size);
            }
            ReadBox(origin, size, destination.Slice(done, count), physical);
            done += count;
        }
    }

    private static long PixelCount(TileGrid grid)
    {
        long n = 1;
        foreach (var a in grid.Axes) n *= a;
        return n;
    }

    private void SetRows(long plane, int x, int y, int width, int rows, int[] origin, int[] size)
    {
        PlaneCorner(plane, origin, size);
        origin[0] = x;
        size[0] = width;
        if (origin.Length > 1)
        {
            origin[1] = y;
            size[1] = rows;
        }
    }

    /// <summary>Sets axes 3 and up of a box to the coordinates of one plane (planes numbered with NAXIS3 fastest).</summary>
    private void PlaneCorner(long plane, int[] origin, int[] size)
    {
        var axes = Grid.Axes;
        for (var a = 2; a < axes.Count; a++)
        {
            origin[a] = (int)(plane % axes[a]);
            plane /= axes[a];
            size[a] = 1;
        }
    }

    /// <summary>
    /// Decodes the tiles a box touches into <paramref name="destination"/>, laid out over the box, first axis fastest.
    /// Tiles go in batches: each batch reads its tiles' heap span at once (<see cref="HeapWindow"/>), and batches run in
    /// parallel when the box is large.
    /// </summary>
    private unsafe void ReadBox<T>(int[] origin, int[] size, Span<T> destination, bool physical) where T : unmanaged
    {
        var grid = Grid;
        var index = _index.Value;
        var range = grid.TilesIn(origin, size);
        var length = destination.Length;
        var parallel = range.Count >= 2 && length >= ParallelPixels;
        // Enough batches to keep every core busy, few enough that each is one read of many tiles.
        var batchTiles = parallel ? Math.Clamp(range.Count / (4L * Environment.ProcessorCount), 1, MaxBatchTiles) : MaxBatchTiles;
        var batches = (range.Count + batchTiles - 1) / batchTiles;
        fixed (T* p = destination)
        {
            var pointer = (nint)p;
            void Batch(long b)
            {
                var first = b * batchTiles;
                var count = Math.Min(batchTiles, range.Count - first);
                using var window = count > 1 ? HeapWindow.For(_table, _layout, index, range, first, count) : null;
                var target = new Span<T>((T*)pointer, length);
                for (var k = first; k < first + count; k++) DecodeInto(index, range.TileAt(k), window, target, origin, size, physical);
            }
            if (!parallel)
            {
                for (long b = 0; b < batches; b++) Batch(b);
                return;
            }
            try
            {
                Parallel.For(0L, batches, Batch);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
    }

    /// <summary>Decodes one tile into its part of the box: straight into place when its pixels lie there contiguously, else through a tile buffer.</summary>
    private void DecodeInto<T>(TileIndex index, long tile, HeapWindow? window, Span<T> target, int[] origin, int[] size, bool physical) where T : unmanaged
    {
        var rank = Grid.Rank;
        Span<int> tileOrigin = rank <= 16 ? stackalloc int[16] : new int[rank];
        Span<int> tileSize = rank <= 16 ? stackalloc int[16] : new int[rank];
        tileOrigin = tileOrigin[..rank];
        tileSize = tileSize[..rank];
        var pixels = Grid.GetTile(tile, tileOrigin, tileSize);
        if (TileGrid.IsContiguousWithin(tileOrigin, tileSize, origin, size, out var offset))
        {
            _decoder.Decode(index, tile, window, target.Slice((int)offset, pixels), physical);
            return;
        }
        var buffer = ArrayPool<T>.Shared.Rent(pixels);
        try
        {
            var decoded = buffer.AsSpan(0, pixels);
            _decoder.Decode(index, tile, window, decoded, physical);
            TileGrid.CopyIntersection<T>(decoded, tileOrigin, tileSize, target, origin, size);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }
}
