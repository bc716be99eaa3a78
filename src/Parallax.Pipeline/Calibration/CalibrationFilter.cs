namespace Parallax.Pipeline.Calibration;

/// <summary>Which records to list; null fields do not filter.</summary>
/// <param name="Instrument">Only this instrument.</param>
/// <param name="Category">Only this product category.</param>
/// <param name="Quality">Only this quality.</param>
public sealed record CalibrationFilter(string? Instrument = null, string? Category = null, CalibrationQuality? Quality = null)
{
    /// <summary>Every record.</summary>
    public static CalibrationFilter All { get; } = new();
}
