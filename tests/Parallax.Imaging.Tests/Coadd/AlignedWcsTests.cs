using Parallax.Fits.Coordinates;
using Parallax.Imaging.Alignment;
using Parallax.Imaging.Coadd;

namespace Parallax.Imaging.Tests.Coadd;

/// <summary>A reference TAN-SIP WCS carried through a frame→reference transform must equal "transform, then the reference's WCS".</summary>
public class AlignedWcsTests
{
    private static Wcs Reference(bool sip)
    {
        var wcs = Wcs.CreateTan(150.1, 2.3, 1024.5, 1010.25, 0.4 / 3600, 1.5);
        if (!sip) return wcs;
        var a = new double[4, 4];
        var b = new double[4, 4];
        a[2, 0] = 3e-6; a[1, 1] = -1.5e-6; a[0, 2] = 2e-6; a[3, 0] = 4e-10; a[1, 2] = -2e-10;
        b[2, 0] = -1e-6; b[1, 1] = 2.5e-6; b[0, 2] = 1e-6; b[0, 3] = 3e-10; b[2, 1] = 1e-10;
        var ap = new double[4, 4];
        var bp = new double[4, 4];
        ap[2, 0] = -3e-6; bp[0, 2] = -1e-6;
        return wcs.WithSip(new SipDistortion(a, b, ap, bp));
    }

    public class Derive
    {
        [Theory]
        [InlineData(false, false)]
        [InlineData(true, false)]
        [InlineData(true, true)]
        public void Given_a_similarity_or_affine_transform_When_the_WCS_is_derived_Then_every_pixel_maps_to_the_same_sky_as_through_the_reference(bool sip, bool affine)
        {
            var reference = Reference(sip);
            var t = affine
                ? new AffineTransform2D(1.002, 0.013, -0.011, 0.997, 35.2, -18.7)
                : AffineTransform2D.Similarity(1.001, 2.5, 35.2, -18.7);
            var derived = AlignedWcs.Derive(reference, t);
            for (var y = 0.0; y <= 2000; y += 250)
            {
                for (var x = 0.0; x <= 2000; x += 250)
                {
                    var (rx, ry) = t.Apply(x, y);
                    var (lon, lat) = reference.PixelToWorld(rx, ry);
                    var (dl, db) = derived.PixelToWorld(x, y);
                    // 1e-10 deg = 0.36 micro-arcsec: exact up to rounding.
                    Assert.True(Math.Abs(dl - lon) < 1e-10 && Math.Abs(db - lat) < 1e-10, $"({x}, {y}): ({dl}, {db}) vs ({lon}, {lat})");
                    var (px, py) = derived.WorldToPixel(lon, lat);
                    Assert.True(Math.Abs(px - x) < 1e-6 && Math.Abs(py - y) < 1e-6, $"round trip of ({x}, {y}) gave ({px}, {py})");
                }
            }
        }

        [Fact]
        public void Given_a_singular_transform_When_derived_Then_it_is_refused()
            => Assert.Throws<ArgumentException>(() => AlignedWcs.Derive(Reference(false), new AffineTransform2D(1, 2, 2, 4, 0, 0)));
    }
}
