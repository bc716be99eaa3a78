using System.Numerics;

namespace Parallax.Fits.Tables;

/// <summary>
/// One column of a binary table: its TTYPEn, TFORMn, TUNITn, TSCALn, TZEROn, TNULLn, TDIMn and
/// TDISPn keywords, and where it lies in a row. Physical values are stored × <see cref="Scale"/>
/// + <see cref="Zero"/>; a stored integer equal to <see cref="Null"/> means "no value".
/// </summary>
public sealed class TableColumn
{
    internal TableColumn(int index, string name, ColumnFormat format, long byteOffset)
    {
        Index = index;
        Name = name;
        Format = format;
        ByteOffset = byteOffset;
    }

    /// <summary>Zero-based column index (column n in the header is index n − 1).</summary>
    public int Index { get; }

    /// <summary>TTYPEn, trimmed; empty when the column has no name.</summary>
    public string Name { get; }

    /// <summary>TFORMn, parsed.</summary>
    public ColumnFormat Format { get; }

    /// <summary>The element type (for variable-length columns, the type of the heap elements).</summary>
    public ColumnType Type => Format.Type;

    /// <summary>Elements per row (bits for X, characters for A; 1 for a variable-length column).</summary>
    public int Repeat => Format.Repeat;

    /// <summary>True for a P/Q column (variable-length arrays in the heap).</summary>
    public bool IsVariableLength => Format.IsVariableLength;

    /// <summary>TUNITn, or null when absent or blank.</summary>
    public string? Unit { get; init; }

    /// <summary>TSCALn (1 when absent).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>TZEROn (0 when absent).</summary>
    public double Zero { get; init; }

    /// <summary>TNULLn: the stored integer that means undefined, or null when absent (integer columns only).</summary>
    public long? Null { get; init; }

    /// <summary>TDIMn axis lengths, fastest-varying first (as written: '(3,2)' is 3 then 2); null when absent.</summary>
    public IReadOnlyList<int>? Dims { get; init; }

    /// <summary>TDISPn (display format, e.g. 'F7.1'), or null when absent.</summary>
    public string? Display { get; init; }

    /// <summary>Byte offset of the column within a row.</summary>
    public long ByteOffset { get; }

    /// <summary>Bytes the column takes in each row.</summary>
    public long Width => Format.Width;

    /// <summary>True when TSCALn or TZEROn changes the stored values.</summary>
    public bool IsScaled => Scale != 1.0 || Zero != 0.0;

    /// <summary>
    /// The .NET element type whose values are exact for this column: bool (L, X), byte (B), sbyte
    /// (B with TZERO = −128), short / ushort (I, unsigned with TZERO = 32768), int / uint (J, TZERO = 2^31),
    /// long / ulong (K, TZERO = 2^63), float (E), double (D), <see cref="Complex"/> (C, M), string (A).
    /// </summary>
    public Type ElementType => Type switch
    {
        ColumnType.Logical or ColumnType.Bit => typeof(bool),
        ColumnType.Byte => IsUnsignedConvention ? typeof(sbyte) : typeof(byte),
        ColumnType.Int16 => IsUnsignedConvention ? typeof(ushort) : typeof(short),
        ColumnType.Int32 => IsUnsignedConvention ? typeof(uint) : typeof(int),
        ColumnType.Int64 => IsUnsignedConvention ? typeof(ulong) : typeof(long),
        ColumnType.Float32 => typeof(float),
        ColumnType.Float64 => typeof(double),
        ColumnType.Complex64 or ColumnType.Complex128 => typeof(Complex),
        _ => typeof(string),
    };

    /// <summary>
    /// True when TSCALn = 1 and TZEROn is the offset that turns the stored signed integers into
    /// unsigned ones (32768 for I, 2^31 for J, 2^63 for K), or signed bytes (−128 for B).
    /// </summary>
    public bool IsUnsignedConvention => Scale == 1.0 && Zero == UnsignedOffset(Type);

    /// <summary>The TZERO of the unsigned convention for a type, or 0 when it has none.</summary>
    internal static double UnsignedOffset(ColumnType type) => type switch
    {
        ColumnType.Byte => -128.0,
        ColumnType.Int16 => 32768.0,
        ColumnType.Int32 => 2147483648.0,
        ColumnType.Int64 => 9223372036854775808.0,
        _ => double.NaN,
    };

    /// <summary>The TFORM keyword of this column, e.g. TFORM3, for messages.</summary>
    internal string FormKeyword => $"TFORM{Index + 1}";

    /// <inheritdoc/>
    public override string ToString() => $"{(Name.Length > 0 ? Name : $"column {Index + 1}")} ({Format}{(Unit is { } u ? ", " + u : "")})";
}
