using System.Buffers;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// One tile's stored bytes, with how to decode them: COMPRESSED_DATA with the image's algorithm,
/// else GZIP_COMPRESSED_DATA (a float tile CFITSIO could not quantise: gzip of the raw floats),
/// else UNCOMPRESSED_DATA (raw big-endian values). A tile with no bytes in any column is empty:
/// CFITSIO writes that for a tile of undefined pixels. The bytes are a slice of a
/// <see cref="HeapWindow"/> already read, or read from the heap into a pooled buffer.
/// </summary>
internal sealed class TileData : IDisposable
{
    private byte[]? _owned;
    private ReadOnlyMemory<byte> _bytes;

    private TileData() { }

    /// <summary>How to decode the bytes.</summary>
    public CompressionAlgorithm Algorithm { get; private init; }

    /// <summary>True when the bytes are the float values themselves (no quantisation to undo).</summary>
    public bool Lossless { get; private init; }

    /// <summary>Bits per stored value for UNCOMPRESSED_DATA tiles (the column's element size).</summary>
    public int StoredBitpix { get; private init; } = 32;

    /// <summary>The column the bytes came from, for messages.</summary>
    public string ColumnName { get; private init; } = "";

    /// <summary>True when no column holds bytes for this tile.</summary>
    public bool IsEmpty { get; private init; }

    /// <summary>The tile's bytes as stored.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.Span;

    /// <summary>Where tile <paramref name="tile"/>'s bytes are: the column, its descriptor and byte count; column −1 for an empty tile.</summary>
    public static (int Column, ArrayDescriptor Descriptor, long ByteCount) Locate(BinaryTableHdu table, CompressedImageLayout layout, TileIndex index, long tile)
    {
        if (index.Compressed?[tile] is { Count: > 0 } c) return (layout.CompressedColumn, c, ByteCount(table, layout.CompressedColumn, c));
        if (index.Gzip?[tile] is { Count: > 0 } g) return (layout.GzipColumn, g, ByteCount(table, layout.GzipColumn, g));
        if (index.Uncompressed?[tile] is { Count: > 0 } u) return (layout.UncompressedColumn, u, ByteCount(table, layout.UncompressedColumn, u));
        return (-1, default, 0);
    }

    /// <summary>Reads tile <paramref name="tile"/> (zero-based), from <paramref name="window"/> when it holds the bytes.</summary>
    /// <exception cref="FitsFormatException">The heap is truncated or the tile too large to hold.</exception>
    public static TileData Fetch(BinaryTableHdu table, CompressedImageLayout layout, TileIndex index, long tile, HeapWindow? window = null)
    {
        var (column, d, bytes) = Locate(table, layout, index, tile);
        if (column < 0) return new TileData { Algorithm = layout.Algorithm, ColumnName = "no data", IsEmpty = true };
        var c = table.Columns[column];
        if (bytes > Array.MaxLength)
            throw FitsFormatException.At(table.Location, $"a tile of {bytes:N0} bytes in column '{c.Name}' is larger than this reader supports");
        byte[]? owned = null;
        ReadOnlyMemory<byte> memory;
        if (window is not null && window.TryGet(d.Offset, bytes, out var slice)) memory = slice;
        else
        {
            owned = ArrayPool<byte>.Shared.Rent((int)bytes);
            try
            {
                table.ReadHeap(d.Offset, owned.AsSpan(0, (int)bytes));
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(owned);
                throw;
            }
            memory = owned.AsMemory(0, (int)bytes);
        }
        return new TileData
        {
            _owned = owned,
            _bytes = memory,
            Algorithm = column == layout.CompressedColumn ? layout.Algorithm : column == layout.GzipColumn ? CompressionAlgorithm.Gzip1 : CompressionAlgorithm.NoCompress,
            Lossless = column != layout.CompressedColumn || layout.Method == QuantizationMethod.None,
            StoredBitpix = 8 * Math.Max(1, c.Format.ElementSize),
            ColumnName = c.Name,
        };
    }

    private static long ByteCount(BinaryTableHdu table, int column, ArrayDescriptor d) => ColumnFormat.ByteCount(table.Columns[column].Type, d.Count);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_owned is not null) ArrayPool<byte>.Shared.Return(_owned);
        _owned = null;
    }
}
