using System.IO.Compression;

namespace Parallax.Fits.Compression;

/// <summary>
/// How <see cref="FitsWriter"/> tile-compresses an image. Everything it writes is lossless:
/// RICE_1 for integer images (the default: the fastest and smallest for detector data) and
/// GZIP_2 (the byte-shuffled gzip of the float values) for floating-point images, with
/// ZQUANTIZ = 'NONE'. Lossy quantisation of floats (fpack -q) is not offered.
/// </summary>
public sealed record TileCompressionOptions
{
    /// <summary>The defaults: RICE_1 for integers, GZIP_2 for floats, one tile per row.</summary>
    public static TileCompressionOptions Default { get; } = new();

    /// <summary>
    /// The algorithm: <see cref="CompressionAlgorithm.Rice1"/> (integer images only), <see cref="CompressionAlgorithm.Gzip1"/>
    /// or <see cref="CompressionAlgorithm.Gzip2"/> (any image). Null (the default) chooses RICE_1 for integer images and
    /// GZIP_2 for floating-point ones.
    /// </summary>
    public CompressionAlgorithm? Algorithm { get; init; }

    /// <summary>Tile lengths, first axis first (ZTILEn); a length past the image edge means the whole axis. Null (the default): one tile per row, NAXIS1 × 1 × 1 …, as fpack does.</summary>
    public IReadOnlyList<int>? TileAxes { get; init; }

    /// <summary>RICE_1 pixels per coding block (BLOCKSIZE). Default 32, the convention's and fpack's.</summary>
    public int RiceBlockSize { get; init; } = 32;

    /// <summary>The deflate effort for GZIP_1 and GZIP_2 tiles. Default <see cref="CompressionLevel.Optimal"/>.</summary>
    public CompressionLevel GzipLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>
    /// Mark the image as a primary array (ZSIMPLE = T, ZEXTEND = T instead of ZTENSION = 'IMAGE'), so funpack restores it as
    /// the primary HDU of a single-image file, as fpack does for the primary image it moves into extension 1. Default false.
    /// </summary>
    public bool RestoreAsPrimary { get; init; }
}
