using System.Text.Json;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Tables;

/// <summary>The astropy-written table vectors in data/tables and the values astropy read from them (expected.json, from make_table_vectors.py).</summary>
internal static class TableVectors
{
    private static readonly Lazy<JsonElement> Root = new(() => ReferenceJson.Load("tables", "expected.json"));

    public static string PathOf(string file) => TestPaths.Data("tables", file);

    public static JsonElement FileEntry(string file) => Root.Value.GetProperty(file);

    public static JsonElement Real => Root.Value.GetProperty("real");

    public static JsonElement Column(string file, string name)
    {
        foreach (var c in Root.Value.GetProperty(file).GetProperty("columns").EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new KeyNotFoundException($"{file} has no column {name} in expected.json");
    }

    public static JsonElement Values(string file, string name) => Column(file, name).GetProperty("values");

    public static JsonElement Stored(string file, string name) => Column(file, name).GetProperty("stored");

    public static int[] Nulls(string file, string name)
        => Column(file, name).TryGetProperty("nulls", out var n) ? [.. n.EnumerateArray().Select(e => e.GetInt32())] : [];

    public static double Number(JsonElement e) => ReferenceJson.Number(e);

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(Number)];

    public static long[] Int64s(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt64())];

    public static ulong[] UInt64s(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetUInt64())];

    public static bool[] Bools(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetBoolean())];

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    public static System.Numerics.Complex[] Complexes(JsonElement array)
        => [.. array.EnumerateArray().Select(e => new System.Numerics.Complex(Number(e[0]), Number(e[1])))];

    /// <summary>Physical values with NaN where the stored value equals TNULL (the FITS rule astropy does not apply).</summary>
    public static double[] PhysicalWithNulls(string file, string name)
    {
        var values = Doubles(Values(file, name));
        foreach (var i in Nulls(file, name)) values[i] = double.NaN;
        return values;
    }

    /// <summary>Asserts equality bit for bit (NaN equals NaN, −0 differs from +0).</summary>
    public static void AssertSame(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]) || (double.IsNaN(expected[i]) && double.IsNaN(actual[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
