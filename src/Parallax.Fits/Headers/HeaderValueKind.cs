namespace Parallax.Fits.Headers;

/// <summary>The type of a header card's value, as written in the card.</summary>
public enum HeaderValueKind
{
    /// <summary>A commentary card (COMMENT, HISTORY, blank keyword) or a keyword without a value indicator.</summary>
    None,

    /// <summary>A value indicator with an empty value field: the value is undefined.</summary>
    Undefined,

    /// <summary>T or F.</summary>
    Logical,

    /// <summary>A signed integer held as <see cref="long"/> (an integer too large for 64 bits is read as <see cref="Real"/>).</summary>
    Integer,

    /// <summary>A floating-point number, E or D exponent.</summary>
    Real,

    /// <summary>A complex number written as (re, im).</summary>
    Complex,

    /// <summary>A character string in single quotes, with '' for a quote.</summary>
    String,

    /// <summary>A value field that could not be parsed; the raw text is kept.</summary>
    Invalid,
}
