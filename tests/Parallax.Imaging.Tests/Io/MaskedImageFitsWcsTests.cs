using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Imaging.Io;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Io;

/// <summary>MaskedImage.Wcs travels through the SCI header: written, then read back to the same pixel-to-sky mapping.</summary>
public class MaskedImageFitsWcsTests
{
    public class Write
    {
        [Fact]
        public void Given_an_image_with_a_WCS_When_written_and_read_Then_the_WCS_maps_pixels_to_the_same_sky()
        {
            using var dir = TestPaths.Temp();
            var path = dir.File("wcs.fits");
            var wcs = Wcs.CreateTan(150.1, -2.3, 10.5, 8.25, 0.4 / 3600, 12.0);
            var img = new MaskedImage(20, 16) { Wcs = wcs };
            img.Header.Set("CRPIX1", 999.0); // a stale card the WCS must replace
            using (var w = FitsWriter.Create(path))
            {
                MaskedImageFits.Write(w, img);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var back = MaskedImageFits.Read(f);
            Assert.NotNull(back.Wcs);
            foreach (var (x, y) in new[] { (0.0, 0.0), (19.0, 15.0), (3.3, 12.7) })
            {
                var (l1, b1) = wcs.PixelToWorld(x, y);
                var (l2, b2) = back.Wcs!.PixelToWorld(x, y);
                Assert.Equal(l1, l2, 1e-10);
                Assert.Equal(b1, b2, 1e-10);
            }
            Assert.Equal(10.5, f.Image("SCI").Header.GetDouble("CRPIX1"));
        }

        [Fact]
        public void Given_a_header_without_a_celestial_WCS_When_read_Then_the_WCS_is_null()
        {
            var h = new Parallax.Fits.Headers.Header();
            Assert.Null(MaskedImageFits.TryReadWcs(h));
            h.Set("CTYPE1", "WAVE");
            h.Set("CTYPE2", "LINEAR");
            Assert.Null(MaskedImageFits.TryReadWcs(h));
        }
    }
}
