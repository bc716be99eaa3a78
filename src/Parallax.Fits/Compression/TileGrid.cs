namespace Parallax.Fits.Compression;

/// <summary>
/// The tiles of an N-dimensional image under the tiled image convention: ZTILEn pixels along
/// axis n (the last tile along an axis is cut short by the image edge), tiles numbered with the
/// first axis fastest, so tile k is row k + 1 of the compressed table. Boxes (a corner and a
/// size per axis) describe tiles, sections and whole images alike; <see cref="CopyIntersection{T}"/>
/// moves pixels between any two of them.
/// </summary>
internal sealed class TileGrid
{
    private readonly int[] _axes;
    private readonly int[] _tile;
    private readonly int[] _tilesPerAxis;

    /// <param name="axes">Image axis lengths, first axis first (all positive).</param>
    /// <param name="tileAxes">Tile lengths (positive; larger than the axis means the whole axis).</param>
    public TileGrid(IReadOnlyList<int> axes, IReadOnlyList<int> tileAxes)
    {
        if (axes.Count != tileAxes.Count) throw new ArgumentException("one tile length per axis is needed", nameof(tileAxes));
        _axes = [.. axes];
        _tile = new int[axes.Count];
        _tilesPerAxis = new int[axes.Count];
        long tiles = 1, tilePixels = 1;
        for (var a = 0; a < _axes.Length; a++)
        {
            if (_axes[a] <= 0) throw new ArgumentOutOfRangeException(nameof(axes), "axis lengths must be positive");
            if (tileAxes[a] <= 0) throw new ArgumentOutOfRangeException(nameof(tileAxes), "tile lengths must be positive");
            _tile[a] = Math.Min(tileAxes[a], _axes[a]);
            _tilesPerAxis[a] = (int)((_axes[a] + (long)_tile[a] - 1) / _tile[a]);
            tiles = checked(tiles * _tilesPerAxis[a]);
            tilePixels = checked(tilePixels * _tile[a]);
        }
        TileCount = tiles;
        MaxTilePixels = tilePixels;
    }

    /// <summary>Image axis lengths.</summary>
    public IReadOnlyList<int> Axes => _axes;

    /// <summary>Tile lengths, clipped to the image.</summary>
    public IReadOnlyList<int> TileAxes => _tile;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _axes.Length;

    /// <summary>Number of tiles (rows the compressed table needs).</summary>
    public long TileCount { get; }

    /// <summary>Pixels in a full (not edge-clipped) tile.</summary>
    public long MaxTilePixels { get; }

    /// <summary>The box of tile <paramref name="tile"/> (zero-based); returns its pixel count.</summary>
    public int GetTile(long tile, Span<int> origin, Span<int> size)
    {
        var rest = tile;
        var pixels = 1;
        for (var a = 0; a < _axes.Length; a++)
        {
            var k = (int)(rest % _tilesPerAxis[a]);
            rest /= _tilesPerAxis[a];
            origin[a] = k * _tile[a];
            size[a] = Math.Min(_tile[a], _axes[a] - origin[a]);
            pixels *= size[a];
        }
        return pixels;
    }

    /// <summary>
    /// The tiles a box touches, as a count and a function from 0..count−1 to tile numbers, so
    /// callers can spread them over threads.
    /// </summary>
    public TileRange TilesIn(ReadOnlySpan<int> origin, ReadOnlySpan<int> size)
    {
        var first = new int[_axes.Length];
        var count = new int[_axes.Length];
        long total = 1;
        for (var a = 0; a < _axes.Length; a++)
        {
            if (size[a] <= 0) return new TileRange(first, new int[_axes.Length], _tilesPerAxis, 0);
            first[a] = origin[a] / _tile[a];
            count[a] = (origin[a] + size[a] - 1) / _tile[a] - first[a] + 1;
            total *= count[a];
        }
        return new TileRange(first, count, _tilesPerAxis, total);
    }

    /// <summary>
    /// Copies the pixels that two boxes share from <paramref name="src"/> (laid out densely over
    /// its box, first axis fastest) into <paramref name="dst"/> (likewise over its box).
    /// </summary>
    public static void CopyIntersection<T>(ReadOnlySpan<T> src, ReadOnlySpan<int> srcOrigin, ReadOnlySpan<int> srcSize,
        Span<T> dst, ReadOnlySpan<int> dstOrigin, ReadOnlySpan<int> dstSize)
    {
        var rank = srcOrigin.Length;
        Span<int> lo = rank <= 16 ? stackalloc int[16] : new int[rank];
        Span<int> hi = rank <= 16 ? stackalloc int[16] : new int[rank];
        Span<int> at = rank <= 16 ? stackalloc int[16] : new int[rank];
        for (var a = 0; a < rank; a++)
        {
            lo[a] = Math.Max(srcOrigin[a], dstOrigin[a]);
            hi[a] = Math.Min(srcOrigin[a] + srcSize[a], dstOrigin[a] + dstSize[a]);
            if (lo[a] >= hi[a]) return;
            at[a] = lo[a];
        }
        var run = hi[0] - lo[0];
        while (true)
        {
            long s = 0, d = 0, sStride = 1, dStride = 1;
            for (var a = 0; a < rank; a++)
            {
                s += (at[a] - srcOrigin[a]) * sStride;
                d += (at[a] - dstOrigin[a]) * dStride;
                sStride *= srcSize[a];
                dStride *= dstSize[a];
            }
            src.Slice((int)s, run).CopyTo(dst.Slice((int)d, run));
            var axis = 1;
            for (; axis < rank; axis++)
            {
                if (++at[axis] < hi[axis]) break;
                at[axis] = lo[axis];
            }
            if (axis >= rank) return;
        }
    }

    /// <summary>
    /// True when a box inside another occupies one contiguous stretch of the outer box's layout,
    /// so a tile can be decoded straight into the destination; <paramref name="offset"/> is where it starts.
    /// </summary>
    public static bool IsContiguousWithin(ReadOnlySpan<int> innerOrigin, ReadOnlySpan<int> innerSize,
        ReadOnlySpan<int> outerOrigin, ReadOnlySpan<int> outerSize, out long offset)
    {
        offset = 0;
        var rank = innerOrigin.Length;
        long stride = 1;
        // Axes below the first partial one must be covered whole; above it, the inner box must be one layer thick.
        var partialSeen = false;
        for (var a = 0; a < rank; a++)
        {
            if (innerOrigin[a] < outerOrigin[a] || innerOrigin[a] + innerSize[a] > outerOrigin[a] + outerSize[a]) return false;
            var whole = innerSize[a] == outerSize[a];
            if (partialSeen && innerSize[a] != 1) return false;
            if (!whole) partialSeen = true;
            offset += (innerOrigin[a] - outerOrigin[a]) * stride;
            stride *= outerSize[a];
        }
        return true;
    }
}

/// <summary>The tiles a box touches: <see cref="Count"/> of them, numbered by <see cref="TileAt"/>.</summary>
internal readonly struct TileRange(int[] first, int[] count, int[] tilesPerAxis, long total)
{
    /// <summary>How many tiles.</summary>
    public long Count => total;

    /// <summary>The tile number of the <paramref name="k"/>-th tile in the range (first axis fastest).</summary>
    public long TileAt(long k)
    {
        long tile = 0, stride = 1;
        for (var a = 0; a < first.Length; a++)
        {
            tile += (first[a] + k % count[a]) * stride;
            k /= count[a];
            stride *= tilesPerAxis[a];
        }
        return tile;
    }
}
