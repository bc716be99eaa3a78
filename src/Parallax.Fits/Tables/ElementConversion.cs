namespace Parallax.Fits.Tables;

/// <summary>How stored column elements become the .NET values asked for.</summary>
internal enum ElementConversion
{
    /// <summary>Byte-swap only: the stored type itself (or A bytes).</summary>
    Raw,

    /// <summary>Byte-swap, then flip the sign bit: the unsigned (or signed-byte) TZERO convention, exact.</summary>
    FlipSign,

    /// <summary>L bytes: 'T' is true, anything else false.</summary>
    Logical,

    /// <summary>X: packed bits, most significant first.</summary>
    Bits,

    /// <summary>C: float pairs widened to <see cref="System.Numerics.Complex"/>.</summary>
    Complex64,

    /// <summary>M: double pairs, laid out as <see cref="System.Numerics.Complex"/> once swapped.</summary>
    Complex128,
}
