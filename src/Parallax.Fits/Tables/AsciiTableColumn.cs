namespace Parallax.Fits.Tables;

/// <summary>
/// One column of an ASCII table: TTYPEn, TBCOLn, TFORMn, TUNITn, TSCALn, TZEROn, TNULLn, TDISPn.
/// Physical values are the field's number × <see cref="Scale"/> + <see cref="Zero"/>; a field equal
/// to <see cref="Null"/> (or blank) means "no value".
/// </summary>
public sealed class AsciiTableColumn
{
    internal AsciiTableColumn(int index, string name, AsciiColumnFormat format, int start)
    {
        Index = index;
        Name = name;
        Format = format;
        Start = start;
    }

    /// <summary>Zero-based column index.</summary>
    public int Index { get; }

    /// <summary>TTYPEn, trimmed; empty when absent.</summary>
    public string Name { get; }

    /// <summary>TFORMn, parsed.</summary>
    public AsciiColumnFormat Format { get; }

    /// <summary>TBCOLn: the one-based character position where the field starts in a row.</summary>
    public int Start { get; }

    /// <summary>Field width in characters.</summary>
    public int Width => Format.Width;

    /// <summary>TUNITn, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>TSCALn (1 when absent).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>TZEROn (0 when absent).</summary>
    public double Zero { get; init; }

    /// <summary>TNULLn: the field text (trimmed) that means undefined, or null when absent.</summary>
    public string? Null { get; init; }

    /// <summary>TDISPn, or null.</summary>
    public string? Display { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{(Name.Length > 0 ? Name : $"column {Index + 1}")} ({Format}{(Unit is { } u ? ", " + u : "")})";
}
