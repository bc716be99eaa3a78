using System.Text.Json;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Statistics;

/// <summary>The arrays and numpy/astropy results written by data/stats/make_stats_vectors.py.</summary>
public static class StatsVectors
{
    private static readonly Lazy<JsonElement> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Data("stats", "stats_vectors.json"))).RootElement);

    /// <summary>Case names, for theories.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Document.Value.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>One case: values (null → NaN), a mask with BadPixel at the listed positions, and the expected results.</summary>
    public static (float[] Values, ushort[] Mask, JsonElement Expected) Case(string name)
    {
        var c = Document.Value.GetProperty("cases").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
        var values = c.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? float.NaN : (float)v.GetDouble()).ToArray();
        var mask = new ushort[values.Length];
        foreach (var i in c.GetProperty("mask").EnumerateArray()) mask[i.GetInt32()] = (ushort)MaskBits.BadPixel;
        return (values, mask, c.GetProperty("expected"));
    }

    /// <summary>A number that may be written as "NaN".</summary>
    public static double Number(this JsonElement e, string property)
    {
        var v = e.GetProperty(property);
        return v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetDouble();
    }
}
