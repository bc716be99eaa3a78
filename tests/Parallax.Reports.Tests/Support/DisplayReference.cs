using System.Text.Json;
using Parallax.Fits;
using Parallax.Imaging;
using Parallax.Imaging.Io;

namespace Parallax.Reports.Tests.Support;

/// <summary>The astropy reference values of data/display (made by make_display.py).</summary>
public static class DisplayReference
{
    private static readonly Lazy<JsonElement> Root = new(() => JsonDocument.Parse(File.ReadAllText(RepositoryLayout.TestData("Parallax.Reports.Tests", "display", "display.json"))).RootElement);

    public static JsonElement Json => Root.Value;

    public static IEnumerable<object[]> ImageNames => Json.GetProperty("images").EnumerateObject().Select(p => new object[] { p.Name });

    public static (double Min, double Max) Limits(string image, string interval)
    {
        var a = Json.GetProperty("images").GetProperty(image).GetProperty(interval);
        return (a[0].GetDouble(), a[1].GetDouble());
    }

    public static MaskedImage Image(string name)
    {
        using var f = FitsFile.Open(RepositoryLayout.TestData("Parallax.Reports.Tests", "display", name + ".fits"));
        return MaskedImageFits.Read(f);
    }

    /// <summary>Asserts a relative difference of at most <paramref name="relative"/> (absolute near zero).</summary>
    public static void Close(double expected, double actual, double relative, string what)
        => Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1e-3, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
}
