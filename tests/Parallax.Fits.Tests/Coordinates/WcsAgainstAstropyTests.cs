using Xunit;
using Parallax.Fits.Coordinates;

namespace Parallax.Fits.Tests.Coordinates;


/// <summary>
/// Every case in data/wcs/vectors (TAN, SIN, ARC, ZEA, STG, CAR, MER, CEA, SFL, AIT; CD, PC + CDELT, CROTA2,
/// LONPOLE/LATPOLE, swapped axes, SIP with and without AP/BP, a real ISAAC header) against astropy.wcs.
/// </summary>
public sealed class WcsAgainstAstropyTests
{
    private const double WorldTolerance = 1e-8; // degrees
    private const double PixelTolerance = 1e-6; // pixels, against astropy
    private const double RoundTripTolerance = 1e-8; // pixels, pixel -> world -> pixel

    public static TheoryData<string> Cases => new(WcsVectorCase.Names);

    private static (WcsVectorCase Case, Wcs Wcs) Load(string name)
    {
        var c = WcsVectorCase.Load(name);
        return (c, Wcs.FromHeader(c.ReadHeader()));
    }

    public sealed class ThePixelToWorldMethod
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_a_pixel_grid_When_transformed_Then_agrees_with_astropy_all_pix2world_within_1e8_degrees(string name)
        {
            var (c, wcs) = Load(name);
            for (var i = 0; i < c.Pixels.Length; i++)
            {
                var (lon, lat) = wcs.PixelToWorld(c.Pixels[i][0], c.Pixels[i][1]);
                var where = $"{name} pixel ({c.Pixels[i][0]}, {c.Pixels[i][1]})";
                AssertAgrees(c.World[i][0], lon, WorldTolerance, where + " longitude");
                AssertAgrees(c.World[i][1], lat, WorldTolerance, where + " latitude");
            }
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_one_based_pixels_When_transformed_Then_equals_zero_based_minus_one(string name)
        {
            var (c, wcs) = Load(name);
            foreach (var p in c.Pixels)
            {
                var zero = wcs.PixelToWorld(p[0], p[1]);
                var one = wcs.PixelToWorld(p[0] + 1.0, p[1] + 1.0, PixelOrigin.OneBased);
                Assert.Equal(zero.Longitude, one.Longitude, 1e-12);
                Assert.Equal(zero.Latitude, one.Latitude, 1e-12);
            }
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_spans_When_transformed_in_batch_Then_equals_the_single_point_results(string name)
        {
            var (c, wcs) = Load(name);
            var x = c.Pixels.Select(p => p[0]).ToArray();
            var y = c.Pixels.Select(p => p[1]).ToArray();
            var lon = new double[x.Length];
            var lat = new double[x.Length];
            wcs.PixelToWorld(x, y, lon, lat);
            for (var i = 0; i < x.Length; i++)
                Assert.Equal(wcs.PixelToWorld(x[i], y[i]), (lon[i], lat[i]));
        }
    }

    public sealed class TheWorldToPixelMethod
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_astropy_world_of_the_grid_When_transformed_back_Then_agrees_with_astropy_all_world2pix_within_1e6_px(string name)
        {
            var (c, wcs) = Load(name);
            for (var i = 0; i < c.Pixels.Length; i++)
            {
                if (c.World[i][0] is not { } lon || c.World[i][1] is not { } lat) continue;
                var (x, y) = wcs.WorldToPixel(lon, lat);
                var where = $"{name} world ({lon}, {lat})";
                AssertAgrees(c.Back[i][0], x, PixelTolerance, where + " x");
                AssertAgrees(c.Back[i][1], y, PixelTolerance, where + " y");
            }
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_independent_sky_positions_When_transformed_Then_agrees_with_astropy_including_NaN(string name)
        {
            var (c, wcs) = Load(name);
            Assert.NotEmpty(c.WorldInputs);
            for (var i = 0; i < c.WorldInputs.Length; i++)
            {
                var lon = c.WorldInputs[i][0]!.Value;
                var lat = c.WorldInputs[i][1]!.Value;
                var (x, y) = wcs.WorldToPixel(lon, lat);
                var where = $"{name} world ({lon}, {lat})";
                AssertAgrees(c.WorldToPixel[i][0], x, PixelTolerance, where + " x");
                AssertAgrees(c.WorldToPixel[i][1], y, PixelTolerance, where + " y");
            }
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_a_pixel_When_taken_to_the_sky_and_back_Then_returns_within_1e8_px(string name)
        {
            var (c, wcs) = Load(name);
            var checkedPoints = 0;
            foreach (var p in c.Pixels)
            {
                var (lon, lat) = wcs.PixelToWorld(p[0], p[1]);
                if (double.IsNaN(lon)) continue;
                var (x, y) = wcs.WorldToPixel(lon, lat);
                Assert.True(Math.Abs(x - p[0]) <= RoundTripTolerance && Math.Abs(y - p[1]) <= RoundTripTolerance,
                    $"{name}: ({p[0]}, {p[1]}) came back as ({x}, {y})");
                checkedPoints++;
            }
            Assert.True(checkedPoints >= 10, $"{name}: only {checkedPoints} points inside the domain");
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_spans_When_transformed_in_batch_one_based_Then_equals_single_zero_based_plus_one(string name)
        {
            var (c, wcs) = Load(name);
            var lon = c.WorldInputs.Select(w => w[0]!.Value).ToArray();
            var lat = c.WorldInputs.Select(w => w[1]!.Value).ToArray();
            var x = new double[lon.Length];
            var y = new double[lon.Length];
            wcs.WorldToPixel(lon, lat, x, y, PixelOrigin.OneBased);
            for (var i = 0; i < lon.Length; i++)
            {
                var (x0, y0) = wcs.WorldToPixel(lon[i], lat[i]);
                Assert.Equal(x0 + 1.0, x[i], 1e-9);
                Assert.Equal(y0 + 1.0, y[i], 1e-9);
            }
        }
    }

    public sealed class TheFromHeaderMethod
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_a_header_When_read_Then_LONPOLE_and_LATPOLE_are_those_wcslib_settles_on(string name)
        {
            var (c, wcs) = Load(name);
            Assert.Equal(c.Lonpole, wcs.LonPole, 1e-9);
            Assert.Equal(c.Latpole, wcs.LatPole, 1e-9);
            Assert.Equal(c.LngAxis, wcs.LongitudeAxis);
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_a_header_When_read_Then_pixel_scales_and_area_match_astropy(string name)
        {
            var (c, wcs) = Load(name);
            Assert.Equal(c.PixelScales[0], wcs.PixelScales.X, 1e-15);
            Assert.Equal(c.PixelScales[1], wcs.PixelScales.Y, 1e-15);
            Assert.True(Math.Abs(c.PixelArea - wcs.PixelArea) <= 1e-12 * c.PixelArea, $"{c.PixelArea} vs {wcs.PixelArea}");
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_an_equatorial_header_When_read_Then_the_frame_is_astropys(string name)
        {
            var (c, wcs) = Load(name);
            if (wcs.LongitudeType != "RA") return; // astropy reports a frame only for equatorial systems
            Assert.Equal(c.Radesys, wcs.RadeSys);
            Assert.Equal(c.Equinox, wcs.Equinox);
        }
    }

    public sealed class TheWriteToMethod
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(WcsAgainstAstropyTests))]
        public void Given_a_wcs_When_written_and_read_back_Then_transforms_are_unchanged(string name)
        {
            var (c, wcs) = Load(name);
            var header = new Parallax.Fits.Headers.Header();
            wcs.WriteTo(header);
            // Through card images, as a file would carry them.
            var reread = Wcs.FromHeader(WcsVectorCase.HeaderFromCards(header.Cards.SelectMany(card => card.ToString().Chunk(80).Select(ch => new string(ch)))));
            Assert.Equal(wcs.CoordinateTypes, reread.CoordinateTypes);
            Assert.Equal(wcs.Sip is null, reread.Sip is null);
            foreach (var p in c.Pixels)
            {
                var a = wcs.PixelToWorld(p[0], p[1]);
                var b = reread.PixelToWorld(p[0], p[1]);
                Assert.Equal(a.Longitude, b.Longitude, 1e-12);
                Assert.Equal(a.Latitude, b.Latitude, 1e-12);
            }
        }
    }

    internal static void AssertAgrees(double? expected, double actual, double tolerance, string what)
    {
        if (expected is null)
        {
            Assert.True(double.IsNaN(actual), $"{what}: astropy gives NaN, got {actual}");
            return;
        }
        Assert.False(double.IsNaN(actual), $"{what}: astropy gives {expected}, got NaN");
        Assert.True(Math.Abs(actual - expected.Value) <= tolerance,
            $"{what}: astropy {expected.Value:R}, got {actual:R} (difference {actual - expected.Value:E3})");
    }
}
