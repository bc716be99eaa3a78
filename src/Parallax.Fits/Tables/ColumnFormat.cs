using System.Globalization;

namespace Parallax.Fits.Tables;

/// <summary>
/// A parsed binary-table TFORMn value (FITS 4.0 section 7.3.1): <c>rT</c> for <c>r</c> fixed
/// elements of type <c>T</c> per row, or <c>rPt(max)</c> / <c>rQt(max)</c> for a variable-length
/// array of element type <c>t</c> held in the heap, addressed by a 32-bit (P) or 64-bit (Q)
/// descriptor in the row.
/// </summary>
public readonly record struct ColumnFormat
{
    private ColumnFormat(ColumnType type, int repeat, bool isVariableLength, bool hasLongDescriptors, long? maxLength)
    {
        Type = type;
        Repeat = repeat;
        IsVariableLength = isVariableLength;
        HasLongDescriptors = hasLongDescriptors;
        MaxLength = maxLength;
    }

    /// <summary>The element type (for P/Q columns, the type of the elements in the heap).</summary>
    public ColumnType Type { get; }

    /// <summary>Elements per row: the repeat count <c>r</c> (bits for X, characters for A). For P/Q columns, the number of descriptors (0 or 1).</summary>
    public int Repeat { get; }

    /// <summary>True for a P or Q column: each row holds a descriptor (count, heap offset) instead of the values.</summary>
    public bool IsVariableLength { get; }

    /// <summary>True for Q (64-bit descriptors), false for P (32-bit) and for fixed columns.</summary>
    public bool HasLongDescriptors { get; }

    /// <summary>The maximum array length given in parentheses after a P/Q type, or null when absent.</summary>
    public long? MaxLength { get; }

    /// <summary>Bytes one element takes in the row (or, for P/Q, in the heap); 0 for X, whose elements are bits.</summary>
    public int ElementSize => SizeOf(Type);

    /// <summary>Bytes the column takes in each row (its share of NAXIS1).</summary>
    public long Width => IsVariableLength ? (HasLongDescriptors ? 16L : 8L) * Repeat : ByteCount(Type, Repeat);

    /// <summary>A fixed-width format: <paramref name="repeat"/> elements of <paramref name="type"/> in every row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative repeat count.</exception>
    public static ColumnFormat Fixed(ColumnType type, int repeat = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repeat);
        CheckType(type);
        return new ColumnFormat(type, repeat, false, false, null);
    }

    /// <summary>A variable-length array format (<c>1Pt(max)</c>, or <c>1Qt(max)</c> when <paramref name="longDescriptors"/>).</summary>
    public static ColumnFormat VariableLength(ColumnType type, long? maxLength, bool longDescriptors = false)
    {
        CheckType(type);
        if (maxLength < 0) throw new ArgumentOutOfRangeException(nameof(maxLength), "the maximum length cannot be negative");
        return new ColumnFormat(type, 1, true, longDescriptors, maxLength);
    }

    /// <summary>Parses a TFORMn value such as <c>'1E'</c>, <c>'20A'</c>, <c>'11X'</c> or <c>'1PB(1234)'</c>.</summary>
    /// <exception cref="FormatException">The text is not a binary-table format; the message says why.</exception>
    public static ColumnFormat Parse(string tform)
        => TryParse(tform, out var format, out var error) ? format : throw new FormatException(error);

    /// <summary>Parses a TFORMn value; on failure returns false and a one-line reason.</summary>
    public static bool TryParse(string? tform, out ColumnFormat format, out string? error)
    {
        format = default;
        var s = (tform ?? "").Trim().ToUpperInvariant();
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        long repeat = 1;
        if (i > 0 && !long.TryParse(s.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out repeat) || repeat > int.MaxValue)
        {
            error = $"TFORM '{tform}': repeat count {s[..i]} is larger than this reader supports";
            return false;
        }
        if (i >= s.Length)
        {
            error = $"TFORM '{tform}' has no type letter";
            return false;
        }
        var code = s[i++];
        if (code is 'P' or 'Q')
        {
            if (repeat > 1)
            {
                error = $"TFORM '{tform}': a variable-length column holds at most one array descriptor per row (repeat 0 or 1), not {repeat}";
                return false;
            }
            if (i >= s.Length || !IsTypeLetter(s[i]))
            {
                error = $"TFORM '{tform}': '{code}' must be followed by the element type (one of LXBIJKAEDCM)";
                return false;
            }
            var element = (ColumnType)s[i++];
            long? max = null;
            if (i < s.Length && s[i] == '(')
            {
                var close = s.IndexOf(')', i);
                var inner = close < 0 ? "?" : s[(i + 1)..close].Trim();
                // 'PJ()' (an empty maximum, as astropy writes it) is accepted as "not given".
                if (inner.Length > 0)
                {
                    if (!long.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                    {
                        error = $"TFORM '{tform}': the maximum length in parentheses is not a non-negative integer";
                        return false;
                    }
                    max = m;
                }
            }
            format = new ColumnFormat(element, (int)repeat, true, code == 'Q', max);
            error = null;
            return true;
        }
        if (!IsTypeLetter(code))
        {
            error = $"TFORM '{tform}': '{code}' is not a binary-table type (one of LXBIJKAEDCM, or P/Q for variable-length arrays)";
            return false;
        }
        // Characters after the type letter (the 'a' of rTa, e.g. the old '20A10' substring width) carry no layout.
        format = new ColumnFormat((ColumnType)code, (int)repeat, false, false, null);
        error = null;
        return true;
    }

    /// <summary>The canonical TFORM text: <c>rT</c>, or <c>1Pt(max)</c> / <c>1Qt(max)</c>.</summary>
    public override string ToString()
    {
        var letter = (char)Type;
        if (!IsVariableLength) return string.Create(CultureInfo.InvariantCulture, $"{Repeat}{letter}");
        var descriptor = HasLongDescriptors ? 'Q' : 'P';
        var max = MaxLength is { } m ? string.Create(CultureInfo.InvariantCulture, $"({m})") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Repeat}{descriptor}{letter}{max}");
    }

    /// <summary>Bytes one element of a type occupies (0 for bits).</summary>
    internal static int SizeOf(ColumnType type) => type switch
    {
        ColumnType.Logical or ColumnType.Byte or ColumnType.Char => 1,
        ColumnType.Int16 => 2,
        ColumnType.Int32 or ColumnType.Float32 => 4,
        ColumnType.Int64 or ColumnType.Float64 or ColumnType.Complex64 => 8,
        ColumnType.Complex128 => 16,
        _ => 0,
    };

    /// <summary>Bytes that <paramref name="count"/> elements of a type occupy (bits round up to whole bytes).</summary>
    internal static long ByteCount(ColumnType type, long count) => type == ColumnType.Bit ? (count + 7) / 8 : count * SizeOf(type);

    private static bool IsTypeLetter(char c) => c is 'L' or 'X' or 'B' or 'I' or 'J' or 'K' or 'A' or 'E' or 'D' or 'C' or 'M';

    private static void CheckType(ColumnType type)
    {
        if (!IsTypeLetter((char)type)) throw new ArgumentOutOfRangeException(nameof(type), $"{(int)type} is not a column type");
    }
}
