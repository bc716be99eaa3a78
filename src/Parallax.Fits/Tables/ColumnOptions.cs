namespace Parallax.Fits.Tables;

/// <summary>The optional keywords of a column being written (TUNITn, TSCALn, TZEROn, TNULLn, TDIMn, TDISPn).</summary>
public sealed record ColumnOptions
{
    /// <summary>TUNITn, e.g. "Angstrom" or "erg/s/cm2"; null for none.</summary>
    public string? Unit { get; init; }

    /// <summary>TSCALn for integer or float columns whose values are stored scaled; null for none. Not for unsigned types, whose TZERO is set automatically.</summary>
    public double? Scale { get; init; }

    /// <summary>TZEROn for integer or float columns; null for none. Not for unsigned types, whose TZERO is set automatically.</summary>
    public double? Zero { get; init; }

    /// <summary>TNULLn: the stored integer that means "no value" (integer columns only); the data must use it.</summary>
    public long? Null { get; init; }

    /// <summary>TDIMn axis lengths, fastest first; their product must equal the repeat count (the width for text).</summary>
    public IReadOnlyList<int>? Dims { get; init; }

    /// <summary>TDISPn display format, e.g. "F8.3"; null for none.</summary>
    public string? Display { get; init; }
}
