using Parallax.Reports.Display;
using Parallax.Reports.Tests.Support;

namespace Parallax.Reports.Tests.Display;

/// <summary>Stretches against astropy.visualization 5.2.1 with clip=True on a grid from −0.1 to 1.1 (data/display/make_display.py); tolerance 1e-12 absolute.</summary>
public class StretchTests
{
    public static IEnumerable<object[]> Cases =>
    [
        ["linear", new LinearStretch()],
        ["linear_2_-0.5", new LinearStretch(2, -0.5)],
        ["sqrt", new SqrtStretch()],
        ["log_1000", new LogStretch()],
        ["log_10", new LogStretch(10)],
        ["asinh_0.1", new AsinhStretch()],
        ["asinh_0.5", new AsinhStretch(0.5)],
    ];

    public class Apply
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(StretchTests))]
        public void Given_values_below_inside_and_above_0_to_1_When_stretched_Then_they_match_astropy(string name, IStretch stretch)
        {
            var grid = DisplayReference.Json.GetProperty("grid").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var expected = DisplayReference.Json.GetProperty("stretches").GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var i = 0; i < grid.Length; i++) Assert.Equal(expected[i], stretch.Apply(grid[i]), 12);
        }

        [Fact]
        public void Given_NaN_When_stretched_Then_NaN_comes_back()
            => Assert.True(double.IsNaN(new AsinhStretch().Apply(double.NaN)) && double.IsNaN(new LogStretch().Apply(double.NaN)));
    }
}
