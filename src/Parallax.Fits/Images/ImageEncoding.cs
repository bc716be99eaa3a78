namespace Parallax.Fits.Images;

/// <summary>How floating-point pixels are stored when written.</summary>
public enum ImageEncoding
{
    /// <summary>IEEE float32, BITPIX -32 (lossless for float32 data; NaN kept).</summary>
    Float32,

    /// <summary>IEEE float64, BITPIX -64.</summary>
    Float64,

    /// <summary>Signed 16-bit integers, BITPIX 16: values rounded half away from zero (as CFITSIO) and clipped to −32768..32767; NaN stored as BLANK = −32768.</summary>
    Int16,

    /// <summary>Unsigned 16-bit integers via BZERO = 32768 (the usual raw-CCD form): values rounded and clipped to 0..65535;
    /// NaN stored as BLANK (stored −32768, i.e. physical 0, so saturated 65535 stays a value).</summary>
    UInt16,

    /// <summary>Signed 32-bit integers, BITPIX 32: values rounded and clipped; NaN stored as BLANK = −2147483648.</summary>
    Int32,

    /// <summary>Unsigned bytes, BITPIX 8: values rounded and clipped to 0..255; NaN stored as BLANK = 255 only when NaNs occur.</summary>
    UInt8,
}
