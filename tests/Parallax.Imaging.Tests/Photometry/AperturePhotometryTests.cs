using Parallax.Imaging.Photometry;
using Parallax.Imaging.Sources;
using Parallax.Imaging.Tests.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Photometry;

/// <summary>Exact circular apertures against photutils, analytic areas, local sky, errors and masks.</summary>
public class AperturePhotometryTests
{
    public class Measure
    {
        [Fact]
        public void Given_the_peer_frame_When_summed_Then_sums_match_photutils_exact_within_1e_6()
        {
            var img = Field.Read();
            var rows = Field.Csv("photutils_sums.csv");
            Assert.Equal(24, rows.Count);
            foreach (var r in rows)
            {
                var m = AperturePhotometry.Measure(img, r.D("x"), r.D("y"), new ApertureParameters { Radius = r.D("r") });
                Close.Equal(r.D("sum"), m.Sum, 1e-6, what: $"sum at ({r["x"]},{r["y"]}) r={r["r"]}");
            }
        }

        [Theory]
        [InlineData(50.0, 50.0, 3.0)]
        [InlineData(50.3, 49.2, 7.7)]
        [InlineData(10.5, 20.5, 0.3)]
        [InlineData(30.1, 30.9, 12.0)]
        public void Given_a_flat_image_inside_When_measured_Then_the_area_is_pi_r_squared(double x, double y, double r)
        {
            var img = new MaskedImage(100, 100);
            Array.Fill(img.Data, 2f);
            Array.Fill(img.Variance, 3f);
            var m = AperturePhotometry.Measure(img, x, y, new ApertureParameters { Radius = r });
            Close.Equal(Math.PI * r * r, m.Area, 1e-12, what: "area");
            Close.Equal(2 * Math.PI * r * r, m.Sum, 1e-6, what: "sum");
            Close.Equal(Math.Sqrt(3 * Math.PI * r * r), m.FluxError, 1e-6, what: "error");
            Assert.Equal(SourceFlags.None, m.Flags);
        }

        [Fact]
        public void Given_an_aperture_at_the_corner_When_measured_Then_a_quarter_circle_is_counted_and_flagged()
        {
            var img = new MaskedImage(20, 20);
            Array.Fill(img.Data, 1f);
            // Centre on the pixel corner (−0.5, −0.5): exactly a quarter of the circle lies on the image.
            var m = AperturePhotometry.Measure(img, -0.5, -0.5, new ApertureParameters { Radius = 6 });
            Close.Equal(Math.PI * 36 / 4, m.Area, 1e-12, what: "area");
            Assert.True(m.Flags.HasFlag(SourceFlags.ApertureTruncated));
        }

        [Fact]
        public void Given_a_star_on_a_sky_pedestal_When_measured_with_an_annulus_Then_the_pedestal_is_removed()
        {
            var img = new MaskedImage(80, 80);
            var g = new Gaussian(4);
            for (var i = 0; i < img.PixelCount; i++) img.Data[i] = (float)(37 + g.Next());
            Array.Fill(img.Variance, 1f);
            img.Data[40 * 80 + 40] += 5000;
            var m = AperturePhotometry.Measure(img, 40, 40, new ApertureParameters { Radius = 4, AnnulusInner = 8, AnnulusOuter = 14 });
            // Sky: median of ~450 unit-σ pixels (σ_median ≈ 0.06); flux error √(πr² + area²σ²/n) ≈ 7.2.
            Close.Equal(37, m.Sky, 0, 0.2, "sky");
            Close.Equal(5000, m.Flux, 0, 3 * 7.2, "flux");
            Close.Equal(Math.Sqrt(Math.PI * 16 + Math.Pow(Math.PI * 16, 2) * m.SkySigma * m.SkySigma / m.SkyPixels), m.FluxError, 1e-9, what: "error");
        }

        [Fact]
        public void Given_masked_and_nan_pixels_When_measured_Then_they_are_left_out_and_flagged()
        {
            var img = new MaskedImage(30, 30);
            Array.Fill(img.Data, 1f);
            img.Mask[15 * 30 + 15] = (ushort)MaskBits.CosmicRay;
            img.Data[15 * 30 + 16] = float.NaN;
            img.Mask[15 * 30 + 14] = (ushort)MaskBits.Interpolated;   // usable: kept
            var m = AperturePhotometry.Measure(img, 15, 15, new ApertureParameters { Radius = 3 });
            Close.Equal(Math.PI * 9 - 2, m.Area, 1e-12, what: "area");
            Close.Equal(Math.PI * 9 - 2, m.Sum, 1e-6, what: "sum");
            Assert.True(m.Flags.HasFlag(SourceFlags.ApertureMasked));
        }

        [Fact]
        public void Given_an_annulus_off_the_image_When_measured_Then_the_sky_falls_back_and_is_flagged()
        {
            var img = new MaskedImage(10, 10);
            var m = AperturePhotometry.Measure(img, 5, 5, new ApertureParameters { Radius = 2, AnnulusInner = 20, AnnulusOuter = 25 });
            Assert.Equal(0, m.Sky);
            Assert.True(m.Flags.HasFlag(SourceFlags.SkyFallback));
        }

        [Theory]
        [InlineData(0.0, null, null)]
        [InlineData(5.0, 8.0, null)]
        [InlineData(5.0, 8.0, 8.0)]
        public void Given_invalid_radii_When_measured_Then_it_throws(double r, double? rin, double? rout)
        {
            var img = new MaskedImage(10, 10);
            Assert.Throws<ArgumentOutOfRangeException>(() => AperturePhotometry.Measure(img, 5, 5, new ApertureParameters { Radius = r, AnnulusInner = rin, AnnulusOuter = rout }));
        }
    }

    public class Area
    {
        [Theory]
        [InlineData(-10.0, 10.0, -10.0, 10.0, 2.0, 12.566370614359172)]      // whole circle
        [InlineData(0.0, 10.0, 0.0, 10.0, 2.0, 3.141592653589793)]           // a quadrant
        [InlineData(0.0, 10.0, -10.0, 10.0, 1.0, 1.5707963267948966)]        // a half
        [InlineData(-0.5, 0.5, -0.5, 0.5, 10.0, 1.0)]                        // pixel well inside
        [InlineData(3.0, 4.0, 3.0, 4.0, 2.0, 0.0)]                           // outside
        [InlineData(-0.5, 0.5, 1.5, 2.5, 2.5, 0.9832318764214703, 1e-8)]     // top edge touches the circle (scipy quad, error estimate 6e-9)
        public void Given_known_shapes_When_intersected_Then_areas_are_exact(double x0, double x1, double y0, double y1, double r, double expected, double rel = 1e-12)
            => Close.Equal(expected, CircleOverlap.Area(x0, x1, y0, y1, r), rel, 1e-14);

        [Fact]
        public void Given_a_circle_on_a_pixel_grid_When_fractions_are_summed_Then_they_add_to_pi_r_squared()
        {
            foreach (var (xc, yc, r) in new[] { (0.13, -0.41, 3.7), (0.5, 0.5, 1.0), (0.0, 0.0, 0.2) })
            {
                double total = 0;
                for (var y = -6; y <= 6; y++)
                    for (var x = -6; x <= 6; x++) total += CircleOverlap.PixelFraction(x, y, xc, yc, r);
                Close.Equal(Math.PI * r * r, total, 1e-12, what: $"r={r}");
            }
        }
    }
}
