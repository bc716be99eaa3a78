using System.Text.Json;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Fitting;

/// <summary>The data and numpy/scipy results written by data/fitting/make_fitting_vectors.py.</summary>
public static class FittingVectors
{
    private static readonly Lazy<JsonElement> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Data("fitting", "fitting_vectors.json"))).RootElement);

    /// <summary>The root object.</summary>
    public static JsonElement Root => Document.Value;

    /// <summary>A numeric array property.</summary>
    public static double[] Array(this JsonElement e, string property) => e.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Indices of the cases in a list, for theories.</summary>
    public static TheoryData<int> Indices(string list)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Root.GetProperty(list).GetArrayLength(); i++) data.Add(i);
        return data;
    }

    /// <summary>One case of a list.</summary>
    public static JsonElement Case(string list, int index) => Root.GetProperty(list)[index];
}
