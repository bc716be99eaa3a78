using Parallax.Fits.Coordinates;
using Parallax.Imaging;
using Parallax.Reports.QuickLook;
using SkiaSharp;

namespace Parallax.Reports.Tests.QuickLook;

public class CompassOverlayTests
{
    private const double Scale = 0.4 / 3600;

    public class Directions
    {
        [Fact]
        public void Given_north_up_east_left_When_measured_Then_north_points_up_and_east_left_on_the_display()
        {
            // CD = diag(−s, s): RA grows to the left (−x), Dec grows with FITS y, which is up on the display.
            var wcs = Wcs.CreateTan(135, 25, 100, 100, -Scale, 0, 0, Scale);
            var d = CompassOverlay.Directions(wcs, 200, 200)!.Value;
            Assert.Equal(0, d.North.X, 6);
            Assert.Equal(-1, d.North.Y, 6);
            Assert.Equal(-1, d.East.X, 6);
            Assert.Equal(0, d.East.Y, 3);
        }

        [Fact]
        public void Given_a_frame_mirrored_in_x_When_measured_Then_east_points_right()
        {
            var wcs = Wcs.CreateTan(135, 25, 100, 100, Scale, 0, 0, Scale);
            var d = CompassOverlay.Directions(wcs, 200, 200)!.Value;
            Assert.Equal(1, d.East.X, 3);
            Assert.Equal(-1, d.North.Y, 6);
        }

        [Fact]
        public void Given_a_sky_rotated_by_30_degrees_When_measured_Then_north_is_30_degrees_from_the_display_vertical()
        {
            // A rotation θ of the CD matrix turns the north vector by θ in pixel space: (−sin θ, cos θ) in FITS x, y.
            var t = 30 * Math.PI / 180;
            var wcs = Wcs.CreateTan(135, 25, 100, 100, -Scale * Math.Cos(t), Scale * Math.Sin(t), Scale * Math.Sin(t), Scale * Math.Cos(t));
            var d = CompassOverlay.Directions(wcs, 200, 200)!.Value;
            var north = wcs.WorldToPixel(135, 25.01);
            var (fx, fy) = (north.X - 99.5, north.Y - 99.5);
            var n = Math.Sqrt(fx * fx + fy * fy);
            // FITS y up is display y down: the display vector is (fx, −fy) normalised, and it is 30° off vertical.
            Assert.Equal(fx / n, d.North.X, 2);
            Assert.Equal(-fy / n, d.North.Y, 2);
            Assert.Equal(30, Math.Abs(Math.Atan2(d.North.X, -d.North.Y) * 180 / Math.PI), 0);
        }
    }

    public class Render
    {
        private static MaskedImage Image(Wcs? wcs)
        {
            var image = new MaskedImage(256, 256) { Wcs = wcs };
            for (var i = 0; i < image.Data.Length; i++) image.Data[i] = i % 7;
            return image;
        }

        private static int Yellow(byte[] png, out int topmostRow)
        {
            using var bitmap = SKBitmap.Decode(png);
            var count = 0;
            topmostRow = int.MaxValue;
            for (var y = 0; y < bitmap.Height; y++)
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    if (c.Red == 255 && c.Green == 220 && c.Blue == 0)
                    {
                        count++;
                        topmostRow = Math.Min(topmostRow, y);
                    }
                }
            return count;
        }

        [Fact]
        public void Given_an_image_with_a_north_up_WCS_When_rendered_Then_a_yellow_north_arrow_rises_from_the_top_right_corner_area()
        {
            var png = QuickLookRenderer.RenderPng(Image(Wcs.CreateTan(135, 25, 128, 128, -Scale, 0, 0, Scale)));
            var yellow = Yellow(png, out var top);
            // Arrow length 256 / 8 = 32 px from an origin 44 px below the top: its tip and letter lie above the origin.
            Assert.InRange(yellow, 32, 400);
            Assert.InRange(top, 0, 44 - 30);
        }

        [Fact]
        public void Given_an_image_without_a_WCS_When_rendered_Then_it_stays_greyscale()
        {
            var image = QuickLookRenderer.Render(Image(null));
            Assert.True(image.IsGreyscale);
        }

        [Fact]
        public void Given_the_compass_switched_off_When_rendered_Then_no_arrow_is_drawn()
        {
            var image = QuickLookRenderer.Render(Image(Wcs.CreateTan(135, 25, 128, 128, -Scale, 0, 0, Scale)), new QuickLookOptions { Compass = false });
            Assert.True(image.IsGreyscale);
        }
    }
}
