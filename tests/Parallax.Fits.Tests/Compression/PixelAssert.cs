using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>Pixel comparisons that name the first differing pixel.</summary>
internal static class PixelAssert
{
    public static void Equal(ReadOnlySpan<int> expected, ReadOnlySpan<int> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            if (expected[i] != actual[i])
                Assert.Fail($"{what}: pixel {i} is {actual[i]}, expected {expected[i]}");
    }

    /// <summary>Bit-exact, except that any NaN matches any NaN (CFITSIO writes its own NaN pattern).</summary>
    public static void SameFloats(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (float.IsNaN(expected[i]) && float.IsNaN(actual[i])) continue;
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: pixel {i} is {actual[i]:R}, expected {expected[i]:R}");
        }
    }
}
