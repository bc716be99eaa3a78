namespace Parallax.Fits.Compression;

/// <summary>Maps ZQUANTIZ values to <see cref="QuantizationMethod"/> and back.</summary>
internal static class QuantizationMethods
{
    /// <summary>
    /// Reads ZQUANTIZ for a float image whose tiles carry ZSCALE and ZZERO. A missing keyword
    /// means NO_DITHER (files from before the dither methods), as in CFITSIO.
    /// </summary>
    /// <exception cref="FitsFormatException">An unknown method name.</exception>
    public static QuantizationMethod Parse(string? zquantiz)
    {
        if (zquantiz is null) return QuantizationMethod.NoDither;
        return zquantiz.Trim().ToUpperInvariant() switch
        {
            "NONE" => QuantizationMethod.None,
            "NO_DITHER" => QuantizationMethod.NoDither,
            "SUBTRACTIVE_DITHER_1" => QuantizationMethod.SubtractiveDither1,
            "SUBTRACTIVE_DITHER_2" => QuantizationMethod.SubtractiveDither2,
            _ => throw new FitsFormatException($"unknown quantisation method ZQUANTIZ = '{zquantiz.Trim()}'", keyword: "ZQUANTIZ"),
        };
    }

    /// <summary>The ZQUANTIZ value written for a method.</summary>
    public static string ToKeywordValue(QuantizationMethod method) => method switch
    {
        QuantizationMethod.None => "NONE",
        QuantizationMethod.NoDither => "NO_DITHER",
        QuantizationMethod.SubtractiveDither1 => "SUBTRACTIVE_DITHER_1",
        QuantizationMethod.SubtractiveDither2 => "SUBTRACTIVE_DITHER_2",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>True for the two subtractive dither methods.</summary>
    public static bool IsDithered(this QuantizationMethod method)
        => method is QuantizationMethod.SubtractiveDither1 or QuantizationMethod.SubtractiveDither2;
}
