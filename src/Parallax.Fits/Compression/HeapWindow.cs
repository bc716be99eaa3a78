using System.Buffers;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// One read of the heap that covers a run of tiles, so a batch of tiles costs one positional read
/// instead of one per tile (writers store tiles one after another, so the run is dense). Only made
/// when the tiles' bytes fill most of the span: scattered or shared heap entries are read one by one.
/// </summary>
internal sealed class HeapWindow : IDisposable
{
    private const long MaxBytes = 64L << 20;

    private readonly byte[] _buffer;
    private readonly long _start;
    private readonly int _length;

    private HeapWindow(byte[] buffer, long start, int length)
    {
        _buffer = buffer;
        _start = start;
        _length = length;
    }

    /// <summary>Reads the heap span of tiles <paramref name="first"/> .. first + count − 1, or returns null when one read would not pay.</summary>
    public static HeapWindow? For(BinaryTableHdu table, CompressedImageLayout layout, TileIndex index, TileRange range, long first, long count)
    {
        long start = long.MaxValue, end = 0, total = 0;
        for (var k = first; k < first + count; k++)
        {
            var (column, d, bytes) = TileData.Locate(table, layout, index, range.TileAt(k));
            if (column < 0) continue;
            start = Math.Min(start, d.Offset);
            end = Math.Max(end, d.Offset + bytes);
            total += bytes;
        }
        if (total == 0 || end - start > MaxBytes || end - start > 2 * total + (64 << 10) || end > table.HeapSize) return null;
        var length = (int)(end - start);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            table.ReadHeap(start, buffer.AsSpan(0, length));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return new HeapWindow(buffer, start, length);
    }

    /// <summary>The bytes at heap offset <paramref name="offset"/>, when the window holds all of them.</summary>
    public bool TryGet(long offset, long count, out ReadOnlyMemory<byte> bytes)
    {
        if (offset >= _start && offset + count <= _start + _length)
        {
            bytes = _buffer.AsMemory((int)(offset - _start), (int)count);
            return true;
        }
        bytes = default;
        return false;
    }

    /// <inheritdoc/>
    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
