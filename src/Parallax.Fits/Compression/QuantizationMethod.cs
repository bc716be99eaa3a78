namespace Parallax.Fits.Compression;

/// <summary>How a floating-point image's tiles were turned into integers (ZQUANTIZ).</summary>
public enum QuantizationMethod
{
    /// <summary>Not quantised: the float values themselves were compressed losslessly (ZQUANTIZ 'NONE', or no ZSCALE/ZZERO columns).</summary>
    None,

    /// <summary>Rounded to the nearest level, no dither ('NO_DITHER', or files from before 2009 without ZQUANTIZ).</summary>
    NoDither,

    /// <summary>A dither from the convention's random sequence was added before rounding ('SUBTRACTIVE_DITHER_1').</summary>
    SubtractiveDither1,

    /// <summary>As <see cref="SubtractiveDither1"/>, but exact zeros are kept as the reserved value −2147483646 and restored to 0.0 ('SUBTRACTIVE_DITHER_2').</summary>
    SubtractiveDither2,
}
