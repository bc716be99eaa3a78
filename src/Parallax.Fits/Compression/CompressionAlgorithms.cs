namespace Parallax.Fits.Compression;

/// <summary>Maps ZCMPTYPE values to <see cref="CompressionAlgorithm"/> and back.</summary>
internal static class CompressionAlgorithms
{
    /// <summary>Parses a ZCMPTYPE value; CFITSIO writes 'RICE_ONE' for Rice with SUBTRACTIVE_DITHER_2, so that is accepted too.</summary>
    /// <exception cref="FitsFormatException">The value names no known algorithm.</exception>
    public static CompressionAlgorithm Parse(string zcmptype)
    {
        var name = zcmptype.Trim().ToUpperInvariant();
        return name switch
        {
            "RICE_1" or "RICE_ONE" => CompressionAlgorithm.Rice1,
            "GZIP_1" => CompressionAlgorithm.Gzip1,
            "GZIP_2" => CompressionAlgorithm.Gzip2,
            "HCOMPRESS_1" => CompressionAlgorithm.HCompress1,
            "PLIO_1" => CompressionAlgorithm.Plio1,
            "NOCOMPRESS" => CompressionAlgorithm.NoCompress,
            _ => throw new FitsFormatException($"unknown tile compression algorithm ZCMPTYPE = '{zcmptype.Trim()}'", keyword: "ZCMPTYPE"),
        };
    }

    /// <summary>The ZCMPTYPE value written for an algorithm.</summary>
    public static string ToKeywordValue(CompressionAlgorithm algorithm) => algorithm switch
    {
        CompressionAlgorithm.Rice1 => "RICE_1",
        CompressionAlgorithm.Gzip1 => "GZIP_1",
        CompressionAlgorithm.Gzip2 => "GZIP_2",
        CompressionAlgorithm.HCompress1 => "HCOMPRESS_1",
        CompressionAlgorithm.Plio1 => "PLIO_1",
        CompressionAlgorithm.NoCompress => "NOCOMPRESS",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };
}
