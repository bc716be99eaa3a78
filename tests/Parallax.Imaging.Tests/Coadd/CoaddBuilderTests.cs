using Parallax.Fits.Coordinates;
using Parallax.Imaging.Coadd;
using Parallax.Imaging.Resampling;
using Parallax.Imaging.Tests.Resampling;

namespace Parallax.Imaging.Tests.Coadd;

/// <summary>
/// Coadds of synthetic frames with known content: Gaussian stars of known flux on a flat sky, TAN WCSs placed by hand, so that
/// coverage, exposure, flux and the independence from the band height can be checked against exact answers.
/// </summary>
public class CoaddBuilderTests
{
    private const double Exposure = 10;

    /// <summary>Stars (sky position, total counts) used by every frame.</summary>
    private static readonly (double Dx, double Dy, double Flux)[] Stars = [(20.3, 25.6, 5000), (45.7, 40.2, 8000), (70.1, 18.9, 3000), (95.4, 55.5, 6000), (60.2, 70.8, 4000)];

    /// <summary>A frame of the field seen with its pixel (0, 0) at field pixel (x0, y0): sky 100 counts, the stars, variance 100 + signal, no noise.</summary>
    private static CoaddFrame Frame(string name, int width, int height, double x0, double y0, bool withWcs = true, double exposure = Exposure, double scale = 1, double? zp = null, int? noiseSeed = null)
    {
        var wcs = Frames.Tan(60.5 - x0, 45.5 - y0);
        var image = new MaskedImage(width, height, PixelUnits.Electron);
        Array.Fill(image.Data, 100f);
        foreach (var (dx, dy, flux) in Stars) Frames.AddStar(image, dx - x0, dy - y0, flux, 1.5);
        if (noiseSeed is not null)
            foreach (var (dx, dy, flux) in FieldStars) Frames.AddStar(image, dx - x0, dy - y0, flux, 1.5);
        var rng = new Random(noiseSeed ?? 0);
        for (var i = 0; i < image.PixelCount; i++)
        {
            image.Data[i] = (float)(image.Data[i] * scale);
            image.Variance[i] = image.Data[i] + 25;
            if (noiseSeed is not null)
                image.Data[i] += (float)(Math.Sqrt(image.Variance[i]) * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }
        if (withWcs) image.Wcs = wcs;
        return new CoaddFrame { Name = name, Image = image, ExposureTime = exposure, ZeroPoint = zp };
    }

    /// <summary>More stars for the star match (a handful of triangles needs a dozen stars).</summary>
    private static readonly (double Dx, double Dy, double Flux)[] FieldStars =
        [(12.2, 60.3, 4000), (33.3, 12.8, 7000), (52.6, 52.1, 3500), (80.9, 33.4, 9000), (88.1, 72.2, 5000), (30.7, 75.5, 6000), (100.3, 14.6, 4500), (8.8, 38.1, 8000)];

    private static readonly CoaddParameters Plain = new() { SubtractBackground = false, ClipSigma = 0 };

    public class Build
    {
        [Fact]
        public void Given_two_frames_offset_diagonally_When_coadded_Then_the_grid_covers_both_the_exposure_is_the_sum_where_they_overlap_and_the_corners_are_NoData()
        {
            var a = Frame("a", 80, 60, 0, 0);
            var b = Frame("b", 80, 60, 40, 30);
            var r = CoaddBuilder.Build([a, b], Plain);
            Assert.Equal((120, 90), (r.Grid.Width, r.Grid.Height));
            // Grid pixel (gx, gy) is field pixel (gx, gy): the grid starts where frame a does (same scale, north up).
            var (ox, oy) = r.Grid.Wcs.WorldToPixel(Frames.Ra, Frames.Dec);
            Assert.Equal(60.5 - 1, ox, 6);
            Assert.Equal(45.5 - 1, oy, 6);
            for (var y = 0; y < 90; y++)
            {
                for (var x = 0; x < 120; x++)
                {
                    // Inside a frame: 3 px (the Lanczos-3 half-width) from its edges; away from it: 3 px beyond them.
                    var inA = x is >= 3 and < 77 && y is >= 3 and < 57;
                    var inB = x is >= 43 and < 117 && y is >= 33 and < 87;
                    var awayA = x >= 83 || y >= 63;
                    var awayB = x < 37 || y < 27;
                    var i = y * 120 + x;
                    if (inA && inB) Assert.Equal(2 * Exposure, r.Exposure[i]);
                    if ((inA && awayB) || (inB && awayA)) Assert.Equal(Exposure, r.Exposure[i]);
                    if (awayA && awayB)
                    {
                        Assert.True(float.IsNaN(r.Image.Data[i]), $"({x}, {y}) has a value outside both frames");
                        Assert.Equal(((ushort)MaskBits.NoData, 0f, 0f), (r.Image.Mask[i], r.Exposure[i], r.Weight[i]));
                    }
                    if (inA || inB)
                    {
                        // Noise-free frames on whole-pixel offsets: the coadd is the field in counts per second.
                        var field = inA ? a.Image.Data[y * 80 + x] : b.Image.Data[(y - 30) * 80 + x - 40];
                        Assert.Equal(field / Exposure, r.Image.Data[i], 0.02);
                    }
                }
            }
        }

        [Fact]
        public void Given_a_one_row_band_budget_When_coadded_Then_the_result_is_the_same_as_in_one_band_to_the_mapping_tolerance()
        {
            var frames = new[] { Frame("a", 80, 60, 0, 0), Frame("b", 80, 60, 23.4, 11.7), Frame("c", 80, 60, -7.2, 15.1) };
            var one = CoaddBuilder.Build(frames, new CoaddParameters { SubtractBackground = false, BandBudgetBytes = 1L << 30 });
            var thin = CoaddBuilder.Build(frames, new CoaddParameters { SubtractBackground = false, BandBudgetBytes = 1024 });
            Assert.Equal(one.Grid.Height, one.BandRows);
            Assert.Equal(1, thin.BandRows);
            // Each band maps its own output→input positions on a node grid good to 0.001 px, so values agree to that shift times
            // the steepest slope (a 5000-count star of σ 1.5 px: about 60 counts/s per px), not bit for bit.
            for (var i = 0; i < one.Image.PixelCount; i++)
            {
                if (float.IsNaN(one.Image.Data[i])) Assert.True(float.IsNaN(thin.Image.Data[i]));
                else Assert.True(Math.Abs(one.Image.Data[i] - thin.Image.Data[i]) < 0.06 && Math.Abs(one.Image.Variance[i] / thin.Image.Variance[i] - 1) < 1e-3, $"pixel {i}: {one.Image.Data[i]} vs {thin.Image.Data[i]}");
            }
            Assert.Equal(one.Image.Mask, thin.Image.Mask);
            Assert.Equal(one.Exposure, thin.Exposure);
            Assert.Equal(one.Weight, thin.Weight);
        }

        [Fact]
        public void Given_frames_on_sub_pixel_offsets_When_coadded_flux_conserving_at_twice_the_pixel_size_Then_each_star_keeps_its_counts_per_second_within_0_5_percent()
        {
            var frames = new[] { Frame("a", 110, 90, 0, 0), Frame("b", 110, 90, 3.4, -2.7) };
            var r = CoaddBuilder.Build(frames, Plain with { PixelScale = 2 * Frames.Scale });
            var sky = 100 / Exposure * 4; // sky per output pixel: four input pixels
            foreach (var (dx, dy, flux) in Stars)
            {
                var (lon, lat) = Frames.Tan(60.5, 45.5).PixelToWorld(dx, dy);
                var (x, y) = r.Grid.Wcs.WorldToPixel(lon, lat);
                double sum = 0;
                for (var yy = (int)y - 6; yy <= (int)y + 6; yy++)
                    for (var xx = (int)x - 6; xx <= (int)x + 6; xx++)
                        sum += r.Image.Data[yy * r.Grid.Width + xx] - sky;
                Assert.True(Math.Abs(sum / (flux / Exposure) - 1) < 0.005, $"star at ({dx}, {dy}): {sum} counts/s, expected {flux / Exposure}");
            }
        }

        [Fact]
        public void Given_a_frame_without_a_WCS_When_coadded_Then_it_is_aligned_on_its_stars_and_lands_where_its_true_WCS_puts_it()
        {
            var a = Frame("a", 110, 90, 0, 0, noiseSeed: 1);
            var withWcs = Frame("b", 110, 90, 4.3, -3.6, noiseSeed: 2);
            var without = Frame("b", 110, 90, 4.3, -3.6, withWcs: false, noiseSeed: 2);
            var expected = CoaddBuilder.Build([a, withWcs], Plain);
            var aligned = CoaddBuilder.Build([a, without], Plain);
            Assert.StartsWith("stars:", aligned.Frames[1].WcsSource);
            Assert.Equal((expected.Grid.Width, expected.Grid.Height), (aligned.Grid.Width, aligned.Grid.Height));
            // Thirteen stars at S/N of hundreds fix the transform to about 0.01 px, so values agree to 2% of the brightest peak.
            var peak = expected.Image.Data.Where(float.IsFinite).Max();
            for (var i = 0; i < expected.Image.PixelCount; i++)
                if (expected.Exposure[i] == 2 * Exposure && aligned.Exposure[i] == 2 * Exposure)
                    Assert.True(Math.Abs(expected.Image.Data[i] - aligned.Image.Data[i]) < 0.02 * peak, $"pixel {i}: {aligned.Image.Data[i]} vs {expected.Image.Data[i]}");
        }

        [Fact]
        public void Given_frames_with_different_zero_points_When_coadded_Then_each_is_scaled_to_the_first_frames_and_they_agree()
        {
            // Frame b has half the exposure and a zero point 0.5 mag brighter: its counts are 10^(−0.2)/2 of a's for the same star.
            var a = Frame("a", 80, 60, 0, 0, zp: 25.0);
            var b = Frame("b", 80, 60, 0, 0, exposure: Exposure / 2, scale: Math.Pow(10, -0.2) / 2, zp: 24.5);
            var r = CoaddBuilder.Build([a, b], Plain);
            var alone = CoaddBuilder.Build([a], Plain);
            Assert.Equal(25.0, r.ZeroPoint);
            Assert.Equal(Math.Pow(10, 0.2) / (Exposure / 2), r.Frames[1].Scale, 9);
            Assert.Equal((alone.Grid.Width, alone.Grid.Height), (r.Grid.Width, r.Grid.Height));
            var compared = 0;
            for (var i = 0; i < r.Image.PixelCount; i++)
            {
                if (r.Exposure[i] != 1.5 * Exposure) continue;
                Assert.Equal(alone.Image.Data[i], r.Image.Data[i], 1e-5 * Math.Abs(alone.Image.Data[i]));
                compared++;
            }
            Assert.True(compared > 3000);
        }

        [Fact]
        public void Given_frames_in_different_units_or_without_exposure_When_coadded_Then_the_frame_is_named_in_the_error()
        {
            var a = Frame("a", 40, 30, 0, 0);
            var b = Frame("b", 40, 30, 0, 0);
            b.Image.Unit = PixelUnits.Adu;
            Assert.Contains("b is in 'adu'", Assert.Throws<ArgumentException>(() => CoaddBuilder.Build([a, b], Plain)).Message);
            var c = new CoaddFrame { Name = "c", Image = a.Image, ExposureTime = 0 };
            Assert.Contains("c: exposure time 0", Assert.Throws<ArgumentException>(() => CoaddBuilder.Build([c], Plain)).Message);
        }
    }
}
