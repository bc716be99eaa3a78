namespace Parallax.Fits.Images;

/// <summary>
/// How stored integers map to physical values: physical = stored × BSCALE + BZERO, with stored ==
/// BLANK meaning "no value" (NaN in floating-point output). BLANK applies to integer BITPIX only.
/// </summary>
/// <param name="Bitpix">BITPIX of the stored values.</param>
/// <param name="BScale">BSCALE (1 when absent).</param>
/// <param name="BZero">BZERO (0 when absent).</param>
/// <param name="Blank">BLANK, the stored value that means undefined, or null.</param>
public readonly record struct PixelScaling(int Bitpix, double BScale, double BZero, long? Blank)
{
    /// <summary>True when physical equals stored (BSCALE 1, BZERO 0).</summary>
    public bool IsIdentity => BScale == 1.0 && BZero == 0.0;

    /// <summary>True for the unsigned 16-bit convention: BITPIX 16, BSCALE 1, BZERO 32768.</summary>
    public bool IsUnsigned16 => Bitpix == 16 && BScale == 1.0 && BZero == 32768.0;

    /// <summary>True for the unsigned 32-bit convention: BITPIX 32, BSCALE 1, BZERO 2^31.</summary>
    public bool IsUnsigned32 => Bitpix == 32 && BScale == 1.0 && BZero == 2147483648.0;

    /// <summary>True for the signed-byte convention: BITPIX 8, BSCALE 1, BZERO -128.</summary>
    public bool IsSigned8 => Bitpix == 8 && BScale == 1.0 && BZero == -128.0;

    /// <summary>Bytes per stored value.</summary>
    public int BytesPerPixel => Math.Abs(Bitpix) / 8;

    /// <summary>True when BITPIX is one of 8, 16, 32, 64, -32, -64.</summary>
    public static bool IsValidBitpix(long bitpix) => bitpix is 8 or 16 or 32 or 64 or -32 or -64;
}
