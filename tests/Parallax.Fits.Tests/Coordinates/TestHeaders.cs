using Parallax.Fits.Headers;

namespace Parallax.Fits.Tests.Coordinates;

/// <summary>Small headers built in memory for the WCS tests.</summary>
internal static class TestHeaders
{
    public static Header Make(params (string Keyword, object? Value)[] cards)
    {
        var h = new Header { Location = new FitsLocation("test.fits", 0) };
        foreach (var (k, v) in cards) h.Add(HeaderCard.Create(k, v));
        return h;
    }

    /// <summary>A valid TAN header with a CD matrix; tests remove or replace cards to break it.</summary>
    public static Header Tan() => Make(
        ("CTYPE1", "RA---TAN"), ("CTYPE2", "DEC--TAN"),
        ("CRPIX1", 100.0), ("CRPIX2", 120.0),
        ("CRVAL1", 150.0), ("CRVAL2", 2.0),
        ("CD1_1", -1e-4), ("CD1_2", 0.0), ("CD2_1", 0.0), ("CD2_2", 1e-4));

    public static Header With(this Header h, string keyword, object? value)
    {
        h.Set(keyword, value);
        return h;
    }

    public static Header Without(this Header h, params string[] keywords)
    {
        foreach (var k in keywords) h.Remove(k);
        return h;
    }
}
