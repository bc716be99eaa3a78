using System.Text.Json;

namespace Parallax.Fits.Tests.Support;

/// <summary>Reads values from the reference JSON files, where NaN and infinities are strings.</summary>
public static class ReferenceJson
{
    /// <summary>Loads a JSON document from tests/Parallax.Fits.Tests/data.</summary>
    public static JsonElement Load(params string[] path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Data(path)));
        return doc.RootElement.Clone();
    }

    /// <summary>A number that may be written as "NaN", "Infinity" or "-Infinity".</summary>
    public static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidOperationException($"not a number: {e}"),
    };

    /// <summary>A property or null when absent or JSON null.</summary>
    public static JsonElement? Get(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    /// <summary>Asserts that our image statistics equal the reference within a relative tolerance (exact for count, NaN count, min, max, median).</summary>
    public static void AssertStats(JsonElement expected, PixelStats actual, string what, double relTol = 1e-12)
    {
        Assert.True(expected.GetProperty("count").GetInt64() == actual.Count, $"{what}: count {actual.Count} vs {expected.GetProperty("count")}");
        Assert.True(expected.GetProperty("nan_count").GetInt64() == actual.NanCount, $"{what}: NaN count {actual.NanCount} vs {expected.GetProperty("nan_count")}");
        Close(Number(expected.GetProperty("sum")), actual.Sum, relTol, what + " sum");
        Close(Number(expected.GetProperty("mean")), actual.Mean, relTol, what + " mean");
        Close(Number(expected.GetProperty("median")), actual.Median, 0, what + " median");
        Close(Number(expected.GetProperty("min")), actual.Min, 0, what + " min");
        Close(Number(expected.GetProperty("max")), actual.Max, 0, what + " max");
    }

    /// <summary>Asserts closeness (NaN equals NaN; infinities must match).</summary>
    public static void Close(double expected, double actual, double relTol, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected)) { Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}"); return; }
        var tol = relTol * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tol:G3})");
    }
}
