namespace Parallax.Fits.Compression;

/// <summary>The tile compression algorithms of the FITS tiled image convention (ZCMPTYPE).</summary>
public enum CompressionAlgorithm
{
    /// <summary>Rice coding of pixel differences (ZCMPTYPE 'RICE_1', also written 'RICE_ONE').</summary>
    Rice1,

    /// <summary>gzip of the big-endian tile bytes ('GZIP_1').</summary>
    Gzip1,

    /// <summary>gzip of the tile bytes shuffled so all most-significant bytes come first ('GZIP_2').</summary>
    Gzip2,

    /// <summary>The H-transform with quadtree coding of bit planes ('HCOMPRESS_1').</summary>
    HCompress1,

    /// <summary>IRAF PLIO line lists, for masks of non-negative integers ('PLIO_1').</summary>
    Plio1,

    /// <summary>Tiled but not compressed ('NOCOMPRESS').</summary>
    NoCompress,
}
