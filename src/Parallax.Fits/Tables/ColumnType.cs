namespace Parallax.Fits.Tables;

/// <summary>
/// The element type of a binary-table column (FITS 4.0 table 18). Each value is the TFORM letter,
/// so <c>(char)type</c> gives the code as written in the header.
/// </summary>
public enum ColumnType
{
    /// <summary>L: logical, one byte 'T', 'F' or 0 (undefined).</summary>
    Logical = 'L',

    /// <summary>X: bits, packed eight to a byte, most significant bit first.</summary>
    Bit = 'X',

    /// <summary>B: unsigned 8-bit integer (signed with TZERO = -128).</summary>
    Byte = 'B',

    /// <summary>I: signed 16-bit integer (unsigned with TZERO = 32768).</summary>
    Int16 = 'I',

    /// <summary>J: signed 32-bit integer (unsigned with TZERO = 2^31).</summary>
    Int32 = 'J',

    /// <summary>K: signed 64-bit integer (unsigned with TZERO = 2^63).</summary>
    Int64 = 'K',

    /// <summary>A: a character, ASCII text of the repeat count's width.</summary>
    Char = 'A',

    /// <summary>E: IEEE single-precision float.</summary>
    Float32 = 'E',

    /// <summary>D: IEEE double-precision float.</summary>
    Float64 = 'D',

    /// <summary>C: single-precision complex (a pair of floats: real, imaginary).</summary>
    Complex64 = 'C',

    /// <summary>M: double-precision complex (a pair of doubles: real, imaginary).</summary>
    Complex128 = 'M',
}
