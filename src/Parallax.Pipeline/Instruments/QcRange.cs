namespace Parallax.Pipeline.Instruments;

/// <summary>The acceptable range of one QC value of a product; a product outside it is marked bad.</summary>
public sealed class QcRange
{
    /// <summary>The product category (e.g. <c>MASTER_BIAS</c>).</summary>
    public required string Product { get; init; }

    /// <summary>The QC value's name (e.g. <c>mean</c>, in the product's units).</summary>
    public required string Name { get; init; }

    /// <summary>Smallest acceptable value, or null for none.</summary>
    public double? Min { get; init; }

    /// <summary>Largest acceptable value, or null for none.</summary>
    public double? Max { get; init; }

    /// <summary>True when <paramref name="value"/> lies within the range (NaN never does).</summary>
    public bool Accepts(double value) => !double.IsNaN(value) && (Min is null || value >= Min) && (Max is null || value <= Max);
}
