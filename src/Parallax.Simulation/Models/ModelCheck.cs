namespace Parallax.Simulation.Models;

/// <summary>Checks used while validating models and plans; each failure names the field.</summary>
internal static class ModelCheck
{
    public static void Positive(double value, string field)
    {
        if (!(value > 0) || !double.IsFinite(value)) throw new InvalidModelException($"{field} must be a positive number, not {value}");
    }

    public static void NonNegative(double value, string field)
    {
        if (!(value >= 0) || !double.IsFinite(value)) throw new InvalidModelException($"{field} must be zero or positive, not {value}");
    }

    public static void Range(double value, double min, double max, string field)
    {
        if (!(value >= min && value <= max)) throw new InvalidModelException($"{field} must lie in [{min}, {max}], not {value}");
    }

    public static void Pair(double[]? pair, string field, bool positive = false)
    {
        if (pair is not { Length: 2 }) throw new InvalidModelException($"{field} must be a pair [low, high]");
        if (pair[1] < pair[0]) throw new InvalidModelException($"{field}: high {pair[1]} is below low {pair[0]}");
        if (positive && !(pair[0] > 0)) throw new InvalidModelException($"{field} must be positive");
    }

    public static void NotEmpty(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidModelException($"{field} must be given");
    }
}
