using System.Text.Json;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Reference;

/// <summary>
/// Every image HDU of the test vectors written by astropy and CFITSIO (data/vectors, made by
/// make_vectors.py) reads with the same statistics and sample pixels as astropy. Where astropy
/// departs from the FITS standard (it ignores BLANK on pseudo-unsigned data, and scales 16-bit
/// data in float32), the comparison uses the standard's float64 values the script also recorded.
/// Tile-compressed HDUs (.fz) are read through the same image API; where astropy 5.2.1 and funpack
/// disagree (astropy ignores ZBLANK), funpack's values (<c>funpack_hdus</c>) are the truth.
/// </summary>
public class ImageVectorTests
{
    private static readonly JsonElement Vectors = ReferenceJson.Load("vectors", "vectors.json");

    public static IEnumerable<object[]> ImageFiles()
        => Vectors.GetProperty("files").EnumerateObject()
            .Where(f => f.Value.GetProperty("hdus").EnumerateArray().Any(h => ReferenceJson.Get(h, "stats") is not null && h.GetProperty("type").GetString() is "PrimaryHDU" or "ImageHDU" or "CompImageHDU"))
            .Select(f => new object[] { f.Name });

    [SkippableTheory]
    [MemberData(nameof(ImageFiles))]
    public void Given_a_reference_file_When_every_image_is_read_Then_stats_and_pixels_equal_astropy(string name)
    {
        var file = Vectors.GetProperty("files").GetProperty(name);
        var expectedHdus = file.GetProperty("hdus");
        using var f = FitsFile.Open(TestPaths.Data("vectors", name));
        Assert.Equal(expectedHdus.GetArrayLength(), f.Count);
        foreach (var exp in expectedHdus.EnumerateArray())
        {
            var index = exp.GetProperty("index").GetInt32();
            if (ReferenceJson.Get(exp, "stats") is null) continue;
            var hdu = f[index];
            if (hdu is not ImageHdu img) throw new Xunit.Sdk.XunitException($"{name} HDU {index}: expected an image, got {hdu.Kind}");
            var compressed = exp.GetProperty("type").GetString() == "CompImageHDU";
            Assert.Equal(compressed ? HduKind.CompressedImage : HduKind.Image, img.Kind);
            Assert.Equal(exp.GetProperty("naxis").EnumerateArray().Select(a => a.GetInt32()), img.Axes);
            Assert.Equal(exp.GetProperty("bitpix").GetInt32(), img.Bitpix);
            var truth = FunpackTruth(file, index) ?? ReferenceJson.Get(exp, "physical_f64") ?? exp;
            var values = img.ReadFloat64();
            ReferenceJson.AssertStats(truth.GetProperty("stats"), PixelStats.Of(values), $"{name} HDU {index}", 1e-12);
            foreach (var p in truth.GetProperty("pixels").EnumerateArray())
            {
                var x = p.GetProperty("xy")[0].GetInt32() - 1;
                var y = p.GetProperty("xy")[1].GetInt32() - 1;
                var plane = p.GetProperty("xy").GetArrayLength() > 2 ? p.GetProperty("xy")[2].GetInt32() - 1 : 0;
                var expected = ReferenceJson.Number(p.GetProperty("value"));
                var actual = values[(long)plane * img.Width * img.Height + (long)y * img.Width + x];
                // int64 values beyond 2^53 are not exact in double: compare at double precision.
                Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= Math.Abs(expected) * 1e-15, $"{name} HDU {index} pixel ({x + 1},{y + 1}): expected {expected:R}, got {actual:R}");
                // The float32 path must equal the float64 path rounded to float32.
                Assert.Equal((float)actual, img.ReadSection(x, y, 1, 1, plane)[0]);
            }
        }
    }

    /// <summary>funpack's values for an HDU whose astropy decompression differs from funpack's; null otherwise.</summary>
    private static JsonElement? FunpackTruth(JsonElement file, int index)
    {
        if (ReferenceJson.Get(file, "comparisons") is not { } comparisons || ReferenceJson.Get(file, "funpack_hdus") is not { } funpacked) return null;
        foreach (var c in comparisons.EnumerateArray())
        {
            if (c.GetProperty("index").GetInt32() != index || c.GetProperty("astropy_equals_funpack").GetBoolean()) continue;
            var funpackIndex = c.GetProperty("funpack_index").GetInt32();
            return funpacked.EnumerateArray().First(h => h.GetProperty("index").GetInt32() == funpackIndex);
        }
        return null;
    }
}
