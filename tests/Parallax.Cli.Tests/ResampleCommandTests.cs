using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Headers;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax resample</c>: frames onto one grid, products with SCI/VAR/DQ/WEIGHT and WCS, and its errors.</summary>
public class ResampleCommandTests
{
    private const double Scale = 0.5 / 3600;

    /// <summary>A 60 × 50 frame at the given reference pixel, with one Gaussian star (sigma 1.5 px) at sky (150.0, 2.2) on a sky of 10.</summary>
    private static string Frame(TempDir dir, string name, double crpix1, double crpix2, double rotation = 0)
    {
        var wcs = Wcs.CreateTan(150.0 + 4 * Scale, 2.2 - 3 * Scale, crpix1, crpix2, Scale, rotation);
        var (sx, sy) = wcs.WorldToPixel(150.0, 2.2);
        var pixels = new float[60 * 50];
        for (var y = 0; y < 50; y++)
            for (var x = 0; x < 60; x++)
                pixels[y * 60 + x] = (float)(10 + 1000 * Math.Exp(-((x - sx) * (x - sx) + (y - sy) * (y - sy)) / (2 * 1.5 * 1.5)));
        var h = new Header();
        h.Set("OBJECT", "star");
        wcs.WriteTo(h);
        var path = dir.File(name);
        using var w = FitsWriter.Create(path);
        w.WriteImage(pixels, [60, 50], h);
        w.Commit();
        return path;
    }

    /// <summary>Gaussian-windowed centroid (sigma 1.5) iterated from the brightest pixel, on the sky-subtracted image.</summary>
    private static (double X, double Y) Centroid(float[] img, int width, int height)
    {
        var best = 0;
        for (var i = 1; i < img.Length; i++) if (img[i] > img[best] || float.IsNaN(img[best])) best = i;
        double x = best % width, y = best / width;
        for (var it = 0; it < 100; it++)
        {
            double sw = 0, sx = 0, sy = 0;
            for (var yy = (int)y - 7; yy <= (int)y + 7; yy++)
                for (var xx = (int)x - 7; xx <= (int)x + 7; xx++)
                {
                    if (xx < 0 || yy < 0 || xx >= width || yy >= height || !float.IsFinite(img[yy * width + xx])) continue;
                    var w = Math.Exp(-((xx - x) * (xx - x) + (yy - y) * (yy - y)) / (2 * 1.5 * 1.5)) * (img[yy * width + xx] - 10);
                    sw += w; sx += w * (xx - x); sy += w * (yy - y);
                }
            x += 2 * sx / sw; y += 2 * sy / sw;
        }
        return (x, y);
    }

    public class Run
    {
        [Fact]
        public void Given_two_dithered_frames_When_resampled_Then_both_products_share_one_grid_and_the_star_lands_on_the_same_pixel()
        {
            using var dir = new TempDir();
            var a = Frame(dir, "a.fits", 30.5, 25.5);
            var b = Frame(dir, "b.fits", 37.2, 21.9, rotation: 3);
            var outDir = dir.File("out");
            var (code, stdout, stderr) = CliRunner.Run("resample", a, b, "-o", outDir, "--kernel", "lanczos3");
            Assert.True(code == 0, stderr + stdout);
            Assert.Contains("resampled 2 of 2 frames", stdout);
            using var fa = FitsFile.Open(Path.Combine(outDir, "a.resamp.fits"));
            using var fb = FitsFile.Open(Path.Combine(outDir, "b.resamp.fits"));
            Assert.Equal(["SCI", "VAR", "DQ", "WEIGHT"], fa.Hdus.Skip(1).Select(h => h.Name!));
            var (sa, sb) = (fa.Image("SCI"), fb.Image("SCI"));
            Assert.Equal(sa.Axes, sb.Axes);
            Assert.True(sa.Width > 60 && sa.Height > 50, "the grid covers both dithered frames");
            var wcs = Wcs.FromHeader(sa.Header);
            Assert.Equal(wcs.ReferencePixel, Wcs.FromHeader(sb.Header).ReferencePixel);
            Assert.Equal("lanczos3", fa.Primary.Header.GetString("RSMPKERN"));
            Assert.Equal("a.fits", fa.Primary.Header.GetString("RSMPIN"));
            // The star sits where the common WCS puts sky (150.0, 2.2), in both frames.
            var (ex, ey) = wcs.WorldToPixel(150.0, 2.2);
            foreach (var sci in new[] { sa, sb })
            {
                var (cx, cy) = Centroid(sci.ReadFloat32(), sci.Width, sci.Height);
                Assert.True(Math.Abs(cx - ex) < 0.02 && Math.Abs(cy - ey) < 0.02, $"star at ({cx:F4}, {cy:F4}), WCS says ({ex:F4}, {ey:F4})");
            }
            var weight = fa.Image("WEIGHT").ReadFloat32();
            Assert.Contains(0f, weight);
            Assert.Contains(1f, weight);
        }

        [Fact]
        public void Given_a_reference_When_resampled_onto_it_Then_the_product_has_its_size_and_WCS_and_passes_fitsverify()
        {
            using var dir = new TempDir();
            var a = Frame(dir, "a.fits", 30.5, 25.5);
            var reference = Frame(dir, "ref.fits", 28.0, 27.0, rotation: 10);
            var outDir = dir.File("out");
            var (code, _, stderr) = CliRunner.Run("resample", a, "-o", outDir, "--onto", reference, "--flux-conserve");
            Assert.True(code == 0, stderr);
            var product = Path.Combine(outDir, "a.resamp.fits");
            using (var f = FitsFile.Open(product))
            {
                var sci = f.Image("SCI");
                Assert.Equal([60, 50], sci.Axes);
                Assert.Equal((28.0, 27.0), Wcs.FromHeader(sci.Header).ReferencePixel);
                Assert.True(f.Primary.Header.GetBool("RSMPFLUX"));
            }
            if (ExternalTool.Find("fitsverify") is { } fitsverify)
            {
                var (rc, output) = ExternalTool.Run(fitsverify, $"-q {product}");
                Assert.True(rc == 0, output);
            }
        }

        [Fact]
        public void Given_a_frame_without_WCS_among_good_ones_When_resampled_Then_it_is_named_and_the_others_are_done()
        {
            using var dir = new TempDir();
            var good = Frame(dir, "good.fits", 30.5, 25.5);
            var bad = dir.File("nowcs.fits");
            using (var w = FitsWriter.Create(bad))
            {
                w.WriteImage(new float[100], [10, 10], new Header());
                w.Commit();
            }
            var (code, _, stderr) = CliRunner.Run("resample", good, bad, "-o", dir.File("out"));
            Assert.Equal(1, code);
            Assert.Contains("nowcs.fits", stderr);
            Assert.Contains("no celestial WCS", stderr);
            Assert.True(File.Exists(Path.Combine(dir.File("out"), "good.resamp.fits")));
            var (allBad, _, _) = CliRunner.Run("resample", bad, "-o", dir.File("out2"));
            Assert.Equal(3, allBad);
        }

        [Fact]
        public void Given_both_onto_and_pixel_scale_When_run_Then_it_is_a_usage_error()
        {
            using var dir = new TempDir();
            var a = Frame(dir, "a.fits", 30.5, 25.5);
            var (code, _, stderr) = CliRunner.Run("resample", a, "-o", dir.File("out"), "--onto", a, "--pixel-scale", "0.4");
            Assert.Equal(2, code);
            Assert.Contains("not both", stderr);
        }
    }
}
