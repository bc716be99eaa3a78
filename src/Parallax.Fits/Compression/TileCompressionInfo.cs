using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// How a tile-compressed image is stored (FITS tiled image convention): its algorithm, tile
/// shape and quantisation, and the binary table that holds it, with the table's header as it is
/// in the file. Found on <see cref="Hdus.ImageHdu.Compression"/>; null there for plain images.
/// </summary>
public sealed class TileCompressionInfo
{
    internal TileCompressionInfo(BinaryTableHdu table, CompressionAlgorithm algorithm, IReadOnlyList<int> tileAxes, long tileCount, QuantizationMethod? quantization)
    {
        Table = table;
        Algorithm = algorithm;
        TileAxes = tileAxes;
        TileCount = tileCount;
        Quantization = quantization;
    }

    /// <summary>The compression algorithm (ZCMPTYPE).</summary>
    public CompressionAlgorithm Algorithm { get; }

    /// <summary>ZCMPTYPE as the convention spells it: 'RICE_1', 'GZIP_1', 'GZIP_2', 'HCOMPRESS_1', 'PLIO_1' or 'NOCOMPRESS' (CFITSIO's 'RICE_ONE' reads as 'RICE_1').</summary>
    public string AlgorithmName => CompressionAlgorithms.ToKeywordValue(Algorithm);

    /// <summary>Tile lengths (ZTILEn, clipped to the image), first axis first; empty for an image without pixels.</summary>
    public IReadOnlyList<int> TileAxes { get; }

    /// <summary>Number of tiles (rows of the table used).</summary>
    public long TileCount { get; }

    /// <summary>
    /// For floating-point images, how the values were quantised (ZQUANTIZ; <see cref="QuantizationMethod.None"/> for
    /// lossless tiles); null for integer images, which are always lossless.
    /// </summary>
    public QuantizationMethod? Quantization { get; }

    /// <summary>The binary table that stores the tiles; its <see cref="Hdus.Hdu.Header"/> is the header as stored (ZIMAGE, ZCMPTYPE ...).</summary>
    public BinaryTableHdu Table { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{AlgorithmName}, tiles {string.Join('×', TileAxes)}" + (Quantization is { } q ? $", {QuantizationMethods.ToKeywordValue(q)}" : "");
}
