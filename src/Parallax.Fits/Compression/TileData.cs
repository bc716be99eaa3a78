using System.Buffers;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// One tile's stored bytes, read from the heap into a pooled buffer, with how to decode them:
/// COMPRESSED_DATA with the image's algorithm, else GZIP_COMPRESSED_DATA (a float tile CFITSIO
/// could not quantise: gzip of the raw floats), else UNCOMPRESSED_DATA (raw big-endian values).
/// A tile with no bytes in any column is empty: CFITSIO writes that for a tile of undefined pixels.
/// </summary>
internal sealed class TileData : IDisposable
{
    private byte[]? _buffer;
    private int _length;

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
    public bool IsEmpty => _buffer is null;

    /// <summary>The tile's bytes as stored.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer is null ? [] : _buffer.AsSpan(0, _length);

    /// <summary>Reads tile <paramref name="tile"/> (zero-based).</summary>
    /// <exception cref="FitsFormatException">The heap is truncated or the tile too large to hold.</exception>
    public static TileData Fetch(BinaryTableHdu table, CompressedImageLayout layout, TileIndex index, long tile)
    {
        if (index.Compressed?[tile] is { Count: > 0 } c)
            return Read(table, layout.CompressedColumn, c, layout.Algorithm, lossless: layout.Method == QuantizationMethod.None);
        if (index.Gzip?[tile] is { Count: > 0 } g)
            return Read(table, layout.GzipColumn, g, CompressionAlgorithm.Gzip1, lossless: true);
        if (index.Uncompressed?[tile] is { Count: > 0 } u)
            return Read(table, layout.UncompressedColumn, u, CompressionAlgorithm.NoCompress, lossless: true);
        return new TileData { Algorithm = layout.Algorithm, ColumnName = "no data" };
    }

    private static TileData Read(BinaryTableHdu table, int column, ArrayDescriptor d, CompressionAlgorithm algorithm, bool lossless)
    {
        var c = table.Columns[column];
        var bytes = ColumnFormat.ByteCount(c.Type, d.Count);
        if (bytes > Array.MaxLength)
            throw FitsFormatException.At(table.Location, $"a tile of {bytes:N0} bytes in column '{c.Name}' is larger than this reader supports");
        var buffer = ArrayPool<byte>.Shared.Rent((int)bytes);
        try
        {
            table.ReadHeap(d.Offset, buffer.AsSpan(0, (int)bytes));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return new TileData
        {
            _buffer = buffer,
            _length = (int)bytes,
            Algorithm = algorithm,
            Lossless = lossless,
            StoredBitpix = 8 * Math.Max(1, c.Format.ElementSize),
            ColumnName = c.Name,
        };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
