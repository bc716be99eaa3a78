using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// The per-tile facts of a compressed image, read once from the table: where each tile's bytes
/// lie in the heap (for each of the three data columns present) and the tile's ZSCALE, ZZERO and
/// ZBLANK when those are columns. Every descriptor is checked against the heap when read.
/// </summary>
internal sealed class TileIndex
{
    private TileIndex() { }

    /// <summary>COMPRESSED_DATA descriptors, or null when the column is absent.</summary>
    public ArrayDescriptor[]? Compressed { get; private init; }

    /// <summary>GZIP_COMPRESSED_DATA descriptors (float tiles CFITSIO could not quantise), or null.</summary>
    public ArrayDescriptor[]? Gzip { get; private init; }

    /// <summary>UNCOMPRESSED_DATA descriptors (NOCOMPRESS tiles), or null.</summary>
    public ArrayDescriptor[]? Uncompressed { get; private init; }

    private double[]? Scales { get; init; }

    private double[]? Zeros { get; init; }

    private double[]? Blanks { get; init; }

    /// <summary>Reads the descriptors and the per-tile columns for every tile of the image.</summary>
    /// <exception cref="FitsFormatException">A descriptor points outside the heap, or the table is truncated.</exception>
    public static TileIndex Read(BinaryTableHdu table, CompressedImageLayout layout)
    {
        var tiles = (int)Math.Min(layout.Grid?.TileCount ?? 0, int.MaxValue);
        return new TileIndex
        {
            Compressed = layout.CompressedColumn >= 0 ? table.ReadDescriptors(layout.CompressedColumn, 0, tiles) : null,
            Gzip = layout.GzipColumn >= 0 ? table.ReadDescriptors(layout.GzipColumn, 0, tiles) : null,
            Uncompressed = layout.UncompressedColumn >= 0 ? table.ReadDescriptors(layout.UncompressedColumn, 0, tiles) : null,
            Scales = layout.ScaleColumn >= 0 ? table.ReadDoubles(layout.ScaleColumn, 0, tiles) : null,
            Zeros = layout.ZeroColumn >= 0 ? table.ReadDoubles(layout.ZeroColumn, 0, tiles) : null,
            Blanks = layout.BlankColumn >= 0 ? table.ReadDoubles(layout.BlankColumn, 0, tiles) : null,
        };
    }

    /// <summary>The tile's ZSCALE column value, or null when there is no column.</summary>
    public double? ScaleOf(long tile) => Scales?[tile];

    /// <summary>The tile's ZZERO column value, or null when there is no column.</summary>
    public double? ZeroOf(long tile) => Zeros?[tile];

    /// <summary>The tile's ZBLANK column value, or null when there is no column (or it is undefined there).</summary>
    public int? BlankOf(long tile)
        => Blanks?[tile] is { } b && !double.IsNaN(b) && b is >= int.MinValue and <= int.MaxValue ? (int)b : null;
}
