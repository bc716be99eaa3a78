using Parallax.Fits.Coordinates;
using Parallax.Fits.Tests.Support;
using Xunit;

namespace Parallax.Fits.Tests.Coordinates;


/// <summary>
/// The real ISAAC frame in shared/data/real/misc (RA---TAN with a CD matrix and the deprecated RADECSYS), read
/// from the file itself, against astropy's transforms of the same header (vectors/real_isaac.json).
/// </summary>
public sealed class WcsRealDataTests
{
    public sealed class TheFromHeaderMethod
    {
        [SkippableFact]
        public void Given_the_ISAAC_file_When_its_header_is_read_Then_the_WCS_agrees_with_astropy()
        {
            var folder = TestPaths.RequireRealData("misc");
            var path = Directory.EnumerateFiles(folder, "ISAAC*.fits").Order().FirstOrDefault();
            Skip.If(path is null, $"no ISAAC*.fits in {folder}");
            var wcs = Wcs.FromHeader(FitsFile.ReadPrimaryHeader(path));
            var c = WcsVectorCase.Load("real_isaac");

            Assert.Equal(("RA---TAN", "DEC--TAN"), wcs.CoordinateTypes);
            Assert.Equal("FK5", wcs.RadeSys);
            Assert.Equal(2000.0, wcs.Equinox);
            Assert.Equal((519.3, 506.0), wcs.ReferencePixel);
            for (var i = 0; i < c.Pixels.Length; i++)
            {
                var (lon, lat) = wcs.PixelToWorld(c.Pixels[i][0], c.Pixels[i][1]);
                WcsAgainstAstropyTests.AssertAgrees(c.World[i][0], lon, 1e-8, $"pixel {i} RA");
                WcsAgainstAstropyTests.AssertAgrees(c.World[i][1], lat, 1e-8, $"pixel {i} Dec");
                var (x, y) = wcs.WorldToPixel(lon, lat);
                Assert.Equal(c.Pixels[i][0], x, 1e-8);
                Assert.Equal(c.Pixels[i][1], y, 1e-8);
            }
        }
    }

    public sealed class ThePixelToWorldMethod
    {
        [Fact]
        public void Given_the_ISAAC_reference_pixel_When_transformed_Then_gives_CRVAL()
        {
            // From the committed card images, so this runs without the real data too.
            var wcs = Wcs.FromHeader(WcsVectorCase.Load("real_isaac").ReadHeader());
            var (ra, dec) = wcs.PixelToWorld(519.3, 506.0, Parallax.Fits.Coordinates.PixelOrigin.OneBased);
            Assert.Equal(265.20907, ra, 1e-12);
            Assert.Equal(-30.86916, dec, 1e-12);
            Assert.Equal(4.12222e-5, wcs.PixelScale, 1e-17);
        }
    }
}
