using Parallax.Imaging;
using Parallax.Spectroscopy.Slits;

namespace Parallax.Spectroscopy.Tests.Slits;

public class SlitEdgesTests
{
    // A flat whose slit has logistic edges (scale 0.6 px) at rows lower(x) and upper(x), lit at `level`.
    internal static MaskedImage Flat(int w, int h, Func<double, double> lower, Func<double, double> upper, double level = 1000)
    {
        var image = new MaskedImage(w, h);
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var inside = 1 / (1 + Math.Exp(-(y - lower(x)) / 0.6)) * (1 / (1 + Math.Exp((y - upper(x)) / 0.6)));
                image.Data[y * w + x] = (float)(5 + level * inside);
            }
        return image;
    }

    public class Find
    {
        [Theory]
        [InlineData(0.0)]
        [InlineData(0.25)]
        [InlineData(0.5)]
        [InlineData(0.8)]
        public void Given_straight_sharp_edges_at_any_subpixel_phase_When_found_Then_they_are_exact_to_0_02_px(double phase)
        {
            var edges = SlitEdgeFinder.Find(Flat(256, 120, _ => 20 + phase, _ => 95 + phase));
            for (var x = 0; x < 256; x += 17)
            {
                Assert.InRange(edges.Lower.RowAt(x) - (20 + phase), -0.02, 0.02);
                Assert.InRange(edges.Upper.RowAt(x) - (95 + phase), -0.02, 0.02);
            }
        }

        [Fact]
        public void Given_a_flat_with_no_slit_When_searched_Then_the_error_says_no_edge_stands_out()
        {
            var flat = new MaskedImage(64, 64);
            Array.Fill(flat.Data, 100f);
            var e = Assert.Throws<InvalidOperationException>(() => SlitEdgeFinder.Find(flat));
            Assert.Contains("no slit edge", e.Message);
        }

        [Fact]
        public void Given_a_bad_column_and_NaN_pixels_When_found_Then_the_edges_are_unaffected()
        {
            var flat = Flat(256, 120, x => 20 + 0.01 * x, x => 95 + 0.01 * x);
            for (var y = 0; y < 120; y++) flat.Data[y * 256 + 100] = 0;
            flat.Data[21 * 256 + 50] = float.NaN;
            flat.Mask[22 * 256 + 51] = (ushort)MaskBits.CosmicRay;
            flat.Data[22 * 256 + 51] = 1e6f;
            var edges = SlitEdgeFinder.Find(flat);
            for (var x = 0; x < 256; x += 5) Assert.InRange(edges.Lower.RowAt(x) - (20 + 0.01 * x), -0.03, 0.03);
        }
    }

    public class PositionMap
    {
        [Fact]
        public void Given_found_edges_When_mapped_Then_positions_run_from_0_to_1_across_the_slit_and_NaN_outside()
        {
            var edges = SlitEdgeFinder.Find(Flat(128, 100, _ => 10.5, _ => 89.5));
            var map = edges.PositionMap();
            Assert.True(float.IsNaN(map[5 * 128 + 64]));
            Assert.InRange(map[50 * 128 + 64], 0.499, 0.501);
            Assert.InRange(map[30 * 128 + 64], 19.5 / 79 - 0.001, 19.5 / 79 + 0.001);
            var mask = edges.Mask();
            Assert.Equal((ushort)MaskBits.NoData, mask[5 * 128 + 64]);
            Assert.Equal((ushort)MaskBits.NoData, mask[10 * 128 + 64]);
            Assert.Equal((ushort)MaskBits.Edge, mask[11 * 128 + 64]);
            Assert.Equal((ushort)0, mask[50 * 128 + 64]);
        }
    }
}
