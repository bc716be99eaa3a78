namespace Parallax.Reports.Night;

/// <summary>One QC value of a product with the acceptable range its instrument file gives (if any).</summary>
/// <param name="Name">The QC value's name (lower case, as the instrument file writes it).</param>
/// <param name="Value">The value, in the product's units.</param>
/// <param name="Min">Smallest acceptable value, or null.</param>
/// <param name="Max">Largest acceptable value, or null.</param>
public sealed record QcEntry(string Name, double Value, double? Min, double? Max)
{
    /// <summary>True when a range applies to this value.</summary>
    public bool HasRange => Min is not null || Max is not null;

    /// <summary>True within the range (or with no range); NaN fails a range.</summary>
    public bool Passed => !HasRange || (!double.IsNaN(Value) && (Min is not { } lo || Value >= lo) && (Max is not { } hi || Value <= hi));
}
