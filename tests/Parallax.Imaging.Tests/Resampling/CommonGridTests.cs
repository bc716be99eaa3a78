using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Tests.Resampling;

/// <summary>The common TAN grid: it covers every input pixel, north up, at the requested or median scale, and no larger than needed.</summary>
public class CommonGridTests
{
    public class Covering
    {
        [Fact]
        public void Given_dithered_rotated_frames_When_a_grid_is_built_Then_every_input_corner_falls_inside_it_and_it_is_north_up()
        {
            // Given: three 100 × 80 frames, dithered by tens of pixels, one rotated by 30°.
            TargetGrid[] frames =
            [
                new(100, 80, Frames.Tan(50.5, 40.5)),
                new(100, 80, Frames.Tan(80.5, 20.5)),
                new(100, 80, Frames.Tan(50.5, 40.5, rotation: 30)),
            ];
            // When
            var grid = CommonGrid.Covering(frames);
            // Then
            Assert.Equal(Frames.Scale, grid.Wcs.PixelScale, 1e-12);
            var (m11, m12, m21, m22) = grid.Wcs.Cd;
            Assert.Equal((-Frames.Scale, 0.0, 0.0, Frames.Scale), (m11, m12, m21, m22));
            double xmin = double.MaxValue, xmax = double.MinValue, ymin = double.MaxValue, ymax = double.MinValue;
            foreach (var f in frames)
                foreach (var (x, y) in new[] { (-0.5, -0.5), (f.Width - 0.5, -0.5), (-0.5, f.Height - 0.5), (f.Width - 0.5, f.Height - 0.5) })
                {
                    var (lon, lat) = f.Wcs.PixelToWorld(x, y);
                    var (gx, gy) = grid.Wcs.WorldToPixel(lon, lat);
                    Assert.InRange(gx, -0.5 - 1e-6, grid.Width - 0.5 + 1e-6);
                    Assert.InRange(gy, -0.5 - 1e-6, grid.Height - 0.5 + 1e-6);
                    (xmin, xmax, ymin, ymax) = (Math.Min(xmin, gx), Math.Max(xmax, gx), Math.Min(ymin, gy), Math.Max(ymax, gy));
                }
            // Tight: the corners reach within a pixel of each side.
            Assert.True(xmin < 0.5 && ymin < 0.5 && xmax > grid.Width - 1.5 && ymax > grid.Height - 1.5, $"{grid.Width}×{grid.Height}: x {xmin}..{xmax}, y {ymin}..{ymax}");
        }

        [Fact]
        public void Given_an_explicit_scale_When_a_grid_is_built_Then_its_size_follows_the_scale()
        {
            var grid = CommonGrid.Covering([new TargetGrid(200, 100, Frames.Tan(100.5, 50.5))], Frames.Scale * 2);
            Assert.Equal((100, 50), (grid.Width, grid.Height));
            Assert.Equal(2 * Frames.Scale, grid.Wcs.PixelScale, 1e-12);
        }

        [Fact]
        public void Given_no_frames_When_a_grid_is_built_Then_it_says_so()
            => Assert.Throws<ArgumentException>(() => CommonGrid.Covering([]));
    }
}
