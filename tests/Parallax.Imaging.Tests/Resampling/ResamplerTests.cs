using Parallax.Fits.Coordinates;
using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Tests.Resampling;

/// <summary>
/// Resampling onto a WCS grid against analytic answers: integer shifts are exact, smooth functions survive a
/// shift and rotation within a stated error per kernel, flux is conserved under a scale change, star positions land
/// where the target WCS puts them, and masks, variance and coverage travel.
/// </summary>
public class ResamplerTests
{
    private static ResampleParameters With(InterpolationKernel k, bool flux = false) => new() { Kernel = k, FluxConserving = flux };

    public class Resample
    {
        [Theory]
        [MemberData(nameof(InterpolationKernelsTests.AllKernels), MemberType = typeof(InterpolationKernelsTests))]
        public void Given_a_grid_shifted_by_whole_pixels_When_resampled_Then_every_covered_pixel_is_the_input_pixel(InterpolationKernel k)
        {
            // Given: the target's reference pixel is 3 columns right and 2 rows down of the input's.
            var input = Frames.FromFunction(40, 30, Frames.Smooth, Frames.Tan(20.5, 15.5), variance: 2f);
            input.Data[12 * 40 + 9] = 1234.5f;
            var target = new TargetGrid(40, 30, Frames.Tan(23.5, 13.5));
            // When
            var r = Resampler.Resample(input, target, With(k));
            // Then: out(x, y) = in(x − 3, y + 2) exactly where that pixel exists, NoData elsewhere.
            for (var y = 0; y < 30; y++)
                for (var x = 0; x < 40; x++)
                {
                    var (xi, yi) = (x - 3, y + 2);
                    var o = y * 40 + x;
                    if (xi is >= 0 and < 40 && yi is >= 0 and < 30)
                    {
                        var expected = input.Data[yi * 40 + xi];
                        Assert.True(Math.Abs(r.Image.Data[o] - expected) <= 2e-6 * Math.Abs(expected), $"{k} ({x},{y}): {r.Image.Data[o]} vs {expected}");
                        Assert.Equal(2f, r.Image.Variance[o], 1e-5);
                        Assert.Equal(1f, r.Coverage[o]);
                    }
                    else
                    {
                        Assert.True(float.IsNaN(r.Image.Data[o]));
                        Assert.Equal((ushort)MaskBits.NoData, r.Image.Mask[o]);
                        Assert.Equal(0f, r.Coverage[o]);
                    }
                }
            Assert.Equal(40 * 30 - 37 * 28, r.DroppedPixels);
            Assert.Same(target.Wcs, r.Image.Wcs);
        }

        [Fact]
        public void Given_images_of_every_width_from_1_to_64_and_256_When_shifted_by_one_pixel_Then_all_rows_are_exact()
        {
            foreach (var w in Enumerable.Range(1, 64).Append(256))
            {
                var input = Frames.FromFunction(w, 3, (x, y) => 1 + x * 3 + y * 1000, Frames.Tan(1, 1));
                var r = Resampler.Resample(input, new TargetGrid(w, 3, Frames.Tan(2, 1)), With(InterpolationKernel.Lanczos3));
                for (var y = 0; y < 3; y++)
                {
                    Assert.True(float.IsNaN(r.Image.Data[y * w]));
                    for (var x = 1; x < w; x++) Assert.Equal(input.Data[y * w + x - 1], r.Image.Data[y * w + x]);
                }
            }
        }

        [Theory]
        [InlineData(InterpolationKernel.Bilinear, 0.8)]
        [InlineData(InterpolationKernel.Bicubic, 0.1)]
        [InlineData(InterpolationKernel.Lanczos3, 0.2)]
        public void Given_a_smooth_function_When_resampled_under_a_shift_and_rotation_Then_it_matches_the_function_at_the_mapped_position(InterpolationKernel k, double tolerance)
        {
            // Given: a 120 × 110 frame of a smooth function (amplitude ~30 on a level of 200, periods 23–41 px);
            // a grid rotated by 23° with its reference moved by a fraction of a pixel.
            var inWcs = Frames.Tan(60.5, 55.5);
            var input = Frames.FromFunction(120, 110, Frames.Smooth, inWcs);
            var outWcs = Frames.Tan(50.37, 48.81, rotation: 23.0);
            // When
            var r = Resampler.Resample(input, new TargetGrid(100, 96, outWcs), With(k));
            // Then: away from the input edges, the value is the function at the exact input position. Measured worst
            // errors: bilinear 0.31, bicubic 0.008, Lanczos-3 0.15 (its normalised windowed sinc does not reproduce
            // a ramp exactly: 0.08% of the level here), so the tolerances are about 1.3–2× those.
            var worst = 0.0;
            for (var y = 0; y < 96; y++)
                for (var x = 0; x < 100; x++)
                {
                    var (xi, yi) = Frames.InputPosition(outWcs, inWcs, x, y);
                    if (xi < 5 || yi < 5 || xi > 114 || yi > 104) continue;
                    worst = Math.Max(worst, Math.Abs(r.Image.Data[y * 100 + x] - Frames.Smooth(xi, yi)));
                }
            Assert.True(worst <= tolerance, $"{k}: worst error {worst:G4} > {tolerance}");
            Assert.True(r.MappingError <= 0.001);
        }

        [Fact]
        public void Given_nearest_When_resampled_under_a_rotation_Then_each_value_is_the_input_pixel_nearest_the_mapped_position()
        {
            var inWcs = Frames.Tan(30.5, 30.5);
            var input = Frames.FromFunction(60, 60, (x, y) => x + 100 * y, inWcs);
            var outWcs = Frames.Tan(30.2, 30.9, rotation: 31.0);
            var r = Resampler.Resample(input, new TargetGrid(60, 60, outWcs), With(InterpolationKernel.Nearest) with { MappingTolerance = 0 });
            for (var y = 0; y < 60; y++)
                for (var x = 0; x < 60; x++)
                {
                    var (xi, yi) = Frames.InputPosition(outWcs, inWcs, x, y);
                    var (ix, iy) = ((int)Math.Floor(xi + 0.5), (int)Math.Floor(yi + 0.5));
                    if (ix is < 0 or >= 60 || iy is < 0 or >= 60) continue;
                    Assert.Equal(ix + 100 * iy, r.Image.Data[y * 60 + x]);
                }
        }

        [Theory]
        [InlineData(0.8)]
        [InlineData(1.25)]
        public void Given_stars_When_resampled_flux_conserving_to_another_pixel_scale_Then_each_stars_total_flux_is_kept_within_0_1_percent(double scaleRatio)
        {
            // Given: 12 pixel-integrated Gaussian stars (sigma 1.6 px) of known flux on zero sky.
            var inWcs = Frames.Tan(64.5, 64.5);
            var input = new MaskedImage(128, 128) { Wcs = inWcs };
            var stars = new List<(double Lon, double Lat, double Flux)>();
            for (var i = 0; i < 12; i++)
            {
                var (x, y) = (20.3 + (i % 4) * 28.7, 22.9 + (i / 4) * 36.1);
                var flux = 1000.0 * (i + 1);
                Frames.AddStar(input, x, y, flux, 1.6);
                var (lon, lat) = inWcs.PixelToWorld(x, y);
                stars.Add((lon, lat, flux));
            }
            // When: onto a grid with pixels scaleRatio × larger, rotated 20°.
            var size = (int)(140 / scaleRatio);
            var outWcs = Frames.Tan(size / 2.0 + 0.3, size / 2.0 - 0.2, Frames.Scale * scaleRatio, 20.0);
            var r = Resampler.Resample(input, new TargetGrid(size, size, outWcs), With(InterpolationKernel.Lanczos3, flux: true));
            // Then: the sum over a 12-input-pixel radius around each star equals its flux (measured: within 0.005%).
            foreach (var (lon, lat, flux) in stars)
            {
                var (cx, cy) = outWcs.WorldToPixel(lon, lat);
                var radius = 12 / scaleRatio;
                var sum = 0.0;
                for (var y = 0; y < size; y++)
                    for (var x = 0; x < size; x++)
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) sum += r.Image.Data[y * size + x];
                Assert.True(Math.Abs(sum / flux - 1) <= 1e-3, $"scale {scaleRatio}: flux {sum:F2} vs {flux} ({(sum / flux - 1) * 100:F4}%)");
            }
        }

        [Fact]
        public void Given_stars_When_resampled_without_flux_conservation_Then_a_flat_sky_keeps_its_level()
        {
            var input = Frames.FromFunction(64, 64, (_, _) => 100, Frames.Tan(32.5, 32.5));
            // A 30 × 30 grid of 1.5× pixels rotated 10° spans 52 input pixels: at least 6 px inside the input everywhere.
            var grid = new TargetGrid(30, 30, Frames.Tan(15.5, 15.5, Frames.Scale * 1.5, 10));
            var r = Resampler.Resample(input, grid, With(InterpolationKernel.Lanczos3));
            Assert.All(r.Image.Data, v => Assert.Equal(100f, v, 1e-3));
            var f = Resampler.Resample(input, grid, With(InterpolationKernel.Lanczos3, flux: true));
            Assert.All(f.Image.Data, v => Assert.Equal(225f, v, 1e-2));
        }

        [Fact]
        public void Given_stars_When_resampled_onto_a_rotated_finer_grid_Then_their_centroids_are_where_the_target_WCS_puts_them_within_0_02_px()
        {
            var inWcs = Frames.Tan(64.5, 64.5);
            var input = new MaskedImage(128, 128) { Wcs = inWcs };
            var sky = new List<(double Lon, double Lat)>();
            for (var i = 0; i < 9; i++)
            {
                var (x, y) = (25.37 + (i % 3) * 37.9, 27.81 + (i / 3) * 35.3);
                Frames.AddStar(input, x, y, 5000, 1.8);
                sky.Add(inWcs.PixelToWorld(x, y));
            }
            // Measured offsets are below 1e-4 px; the requirement is 0.02 px.
            var outWcs = Frames.Tan(70.21, 69.64, Frames.Scale * 0.9, -35.0);
            var r = Resampler.Resample(input, new TargetGrid(140, 140, outWcs), With(InterpolationKernel.Lanczos3));
            foreach (var (lon, lat) in sky)
            {
                var (ex, ey) = outWcs.WorldToPixel(lon, lat);
                var (mx, my) = Frames.WindowedCentroid(r.Image, Math.Round(ex), Math.Round(ey), 1.8 / 0.9);
                Assert.True(Math.Abs(mx - ex) <= 0.02 && Math.Abs(my - ey) <= 0.02, $"centroid ({mx:F4}, {my:F4}) vs WCS ({ex:F4}, {ey:F4})");
            }
        }

        [Fact]
        public void Given_a_distorted_input_When_the_mapping_is_gridded_Then_it_agrees_with_exact_transforms_within_the_tolerance()
        {
            // Given: an input with a strong SIP distortion (several pixels at the corners).
            var a = new double[4, 4]; var b = new double[4, 4];
            a[2, 0] = 2e-4; a[0, 2] = -1e-4; a[3, 0] = 3e-6;
            b[1, 1] = 2.5e-4; b[0, 3] = -2e-6;
            var inWcs = Frames.Tan(100.5, 100.5).WithSip(new SipDistortion(a, b));
            var input = Frames.FromFunction(200, 200, Frames.Smooth, inWcs);
            var target = new TargetGrid(200, 200, Frames.Tan(100.2, 99.7, rotation: 5));
            // When
            var gridded = Resampler.Resample(input, target, new ResampleParameters { MappingTolerance = 0.001 });
            var exact = Resampler.Resample(input, target, new ResampleParameters { MappingTolerance = 0 });
            // Then: the mapping error is measured below the tolerance, and values differ by at most
            // (largest gradient ~7 per px) × 0.001 px, with the kernel's overshoot: 0.01.
            Assert.InRange(gridded.MappingError, 0, 0.001);
            Assert.True(gridded.MappingStep > 1);
            Assert.Equal(1, exact.MappingStep);
            var worst = 0.0;
            for (var i = 0; i < exact.Image.PixelCount; i++)
                if (float.IsFinite(exact.Image.Data[i])) worst = Math.Max(worst, Math.Abs(exact.Image.Data[i] - gridded.Image.Data[i]));
            Assert.True(worst <= 0.01, $"gridded vs exact: {worst}");
        }

        [Fact]
        public void Given_a_masked_pixel_When_resampled_Then_only_output_pixels_whose_support_holds_it_are_flagged()
        {
            var input = Frames.FromFunction(50, 50, Frames.Smooth, Frames.Tan(25.5, 25.5));
            input.Mask[20 * 50 + 30] = (ushort)MaskBits.Saturated;
            var target = new TargetGrid(50, 50, Frames.Tan(25.7, 25.4));
            var renorm = Resampler.Resample(input, target, With(InterpolationKernel.Bilinear));
            var reject = Resampler.Resample(input, target, With(InterpolationKernel.Bilinear) with { BadPixels = BadPixelPolicy.Reject });
            for (var y = 0; y < 50; y++)
                for (var x = 0; x < 50; x++)
                {
                    var (xi, yi) = (x - 0.2, y + 0.1); // input position of output (x, y)
                    var touches = Math.Floor(xi) <= 30 && Math.Floor(xi) + 1 >= 30 && Math.Floor(yi) <= 20 && Math.Floor(yi) + 1 >= 20;
                    var o = y * 50 + x;
                    if (xi < 0 || yi > 49) continue;
                    // Renormalised: kept while the other pixels hold at least half the weight (the default minimum coverage).
                    var badWeight = touches ? (1 - Math.Abs(xi - 30)) * (1 - Math.Abs(yi - 20)) : 0;
                    var renormBits = !touches ? 0 : badWeight > 0.5 ? (ushort)(MaskBits.NoData | MaskBits.Saturated) : (ushort)MaskBits.Interpolated;
                    Assert.Equal(renormBits, renorm.Image.Mask[o]);
                    if (touches && badWeight <= 0.5) Assert.Equal(1 - badWeight, renorm.Coverage[o], 1e-6);
                    Assert.Equal(touches ? (ushort)(MaskBits.NoData | MaskBits.Saturated) : (ushort)0, reject.Image.Mask[o]);
                    Assert.Equal(touches, float.IsNaN(reject.Image.Data[o]));
                }
        }

        [Fact]
        public void Given_an_input_without_WCS_When_resampled_Then_it_says_so()
        {
            var e = Assert.Throws<ArgumentException>(() => Resampler.Resample(new MaskedImage(4, 4), new TargetGrid(4, 4, Frames.Tan(1, 1))));
            Assert.Contains("no WCS", e.Message);
        }
    }
}
