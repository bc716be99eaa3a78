using System.Text.Json;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Reference;

/// <summary>
/// Every FITS file under ../shared/data/real reads, and every image HDU's pixel sum, mean, median,
/// minimum and maximum equal astropy's (data/reference/real_stats.json, made by make_real_stats.py).
/// </summary>
public class RealDataTests
{
    private static readonly JsonElement Stats = ReferenceJson.Load("reference", "real_stats.json");

    public static IEnumerable<object[]> Files() => Stats.GetProperty("files").EnumerateArray().Select(f => new object[] { f.GetProperty("path").GetString()! });

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Given_a_real_file_When_read_Then_structure_and_pixel_statistics_equal_astropy(string relativePath)
    {
        var path = TestPaths.RequireRealData(relativePath.Split('/'));
        var expected = Stats.GetProperty("files").EnumerateArray().First(f => f.GetProperty("path").GetString() == relativePath);
        using var f = FitsFile.Open(path);
        var hdus = expected.GetProperty("hdus");
        Assert.Equal(hdus.GetArrayLength(), f.Count);
        foreach (var exp in hdus.EnumerateArray())
        {
            var index = exp.GetProperty("index").GetInt32();
            var hdu = f[index];
            Assert.Equal(exp.GetProperty("data_offset").GetInt64(), hdu.DataOffset);
            Assert.Equal(exp.GetProperty("data_bytes").GetInt64(), hdu.DataSize);
            if (ReferenceJson.Get(exp, "stats") is not { } _ || hdu is not ImageHdu img) continue;
            var values = img.ReadFloat64();
            if (img.Scaling is { Blank: { } blank } s && (s.IsUnsigned16 || s.IsUnsigned32))
            {
                // astropy ignores BLANK on pseudo-unsigned data (Keck HIRES has 2048 such pixels per
                // extension); the standard, CFITSIO and Parallax make them NaN. Check the count, then
                // compare astropy's statistics on astropy's terms.
                Assert.Equal(exp.GetProperty("stats").GetProperty("blank_raw_count").GetInt64(), values.LongCount(double.IsNaN));
                var physical = blank * s.BScale + s.BZero;
                for (var i = 0; i < values.Length; i++) if (double.IsNaN(values[i])) values[i] = physical;
            }
            var truth = ReferenceJson.Get(exp, "physical_f64") ?? exp;
            ReferenceJson.AssertStats(truth.GetProperty("stats"), PixelStats.Of(values), $"{relativePath} HDU {index}", 1e-12);
        }
    }
}
