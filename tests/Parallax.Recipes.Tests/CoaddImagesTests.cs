using Parallax.Fits.Coordinates;
using Parallax.Imaging;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Tests;

/// <summary>The coadd recipe in memory: what it declares, what it returns, and how it treats frames it cannot use.</summary>
public class CoaddImagesTests
{
    private static readonly CoaddImages Recipe = new();

    /// <summary>A 100 × 80 reduced frame: sky 300 e with noise, 12 Gaussian stars of known counts, variance sky + 25, a TAN WCS offset by (dx, dy) pixels.</summary>
    private static RecipeFrame Reduced(string name, double dx, double dy, int seed, double? exptime = 30, double? zp = null, bool wcs = true, bool solved = true)
    {
        var stars = new (double X, double Y, double Flux)[] { (20, 20, 20000), (50, 30, 15000), (80, 25, 30000), (30, 60, 25000), (70, 65, 18000), (45, 50, 22000), (15, 45, 16000), (88, 50, 21000), (60, 12, 17000), (25, 72, 19000), (75, 40, 26000), (40, 15, 23000) };
        var image = Images.Noisy(100, 80, 300, Math.Sqrt(325), seed, (x, y) => stars.Sum(s =>
            s.Flux / (2 * Math.PI * 2.0 * 2.0) * Math.Exp(-((x - s.X + dx) * (x - s.X + dx) + (y - s.Y + dy) * (y - s.Y + dy)) / (2 * 2.0 * 2.0))));
        image.Unit = PixelUnits.Electron;
        for (var i = 0; i < image.PixelCount; i++) image.Variance[i] = Math.Max(325f, image.Data[i] + 25f);
        if (wcs)
        {
            image.Wcs = Wcs.CreateTan(150, 2.2, 50.5 - dx, 40.5 - dy, 0.5 / 3600);
            if (solved) image.Header.Set("ASTRSOLV", true, "solved WCS");
        }
        if (zp is { } z) image.Header.Set("MAGZPT", z);
        var frame = Images.Frame(image, "REDUCED_IMAGE", exptime, name);
        return frame;
    }

    public class Connections
    {
        [Fact]
        public void Given_the_recipe_When_its_connections_are_read_Then_it_takes_reduced_images_and_makes_one_level_4_coadd()
        {
            var input = Assert.Single(Recipe.Connections.Inputs);
            Assert.Equal(["REDUCED_IMAGE"], input.Categories);
            Assert.Equal(1, input.MinCount);
            var output = Assert.Single(Recipe.Connections.Outputs);
            Assert.Equal(("COADD", "coadd", ProcessingLevel.Combined, false), (output.Category, output.ProductType, output.Level, output.PerInput));
            Assert.Contains(StandardRecipes.All, r => r.Name == "coadd");
        }
    }

    public class Run
    {
        [Fact]
        public void Given_three_dithered_frames_When_run_Then_one_coadd_with_exposure_weight_and_catalog_and_its_QC_comes_back()
        {
            var frames = new[] { Reduced("a.fits", 0, 0, 1), Reduced("b.fits", 3, 2, 2), Reduced("c.fits", -2, 4, 3) };
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(new RecipeInput { Frames = frames }, new CoaddImagesParameters(), default));
            var product = Assert.Single(ok.Products);
            Assert.Equal(("COADD", "electron/s"), (product.Category, product.Image.Unit));
            Assert.Equal(["EXPOSURE", "WEIGHT"], product.Extensions.Select(e => e.Name));
            Assert.Equal("CAT", Assert.Single(product.Tables).Name);
            Assert.Contains(product.Tables[0].Table.Columns, c => c.Name == "RA");
            Assert.Equal(3, product.Qc["coadd_frames"]);
            Assert.Equal(90, product.Qc["coadd_exposure_s"]);
            // Twelve stars were put in; the catalog finds them (and at most a few noise peaks at 3σ).
            Assert.InRange(product.Qc["coadd_sources"], 12, 20);
            // FWHM 2.355 × 2 px, broadened slightly by the Lanczos resampling.
            Assert.InRange(product.Qc["coadd_fwhm_px"], 4.3, 5.5);
            Assert.False(product.Qc.ContainsKey("coadd_maglim_5sigma"));
            // The sky noise of one frame is √325 e in 30 s; where all three overlap they average to √325 / 30 / √3 e/s (3σ clipping: −1.3%).
            Assert.InRange(product.Qc["coadd_noise"], 0.85 * Math.Sqrt(325) / 30 / Math.Sqrt(3), 1.15 * Math.Sqrt(325) / 30 / Math.Sqrt(3));
        }

        [Fact]
        public void Given_frames_with_zero_points_When_run_Then_the_coadd_carries_MAGZPT_and_a_limiting_magnitude()
        {
            var frames = new[] { Reduced("a.fits", 0, 0, 1, zp: 25.0), Reduced("b.fits", 3, 2, 2, zp: 25.0) };
            var product = Assert.Single(Assert.IsType<RecipeSucceeded>(Recipe.Run(new RecipeInput { Frames = frames }, new CoaddImagesParameters(), default)).Products);
            Assert.Equal(25.0, product.Image.Header.GetDouble("MAGZPT"));
            // 5σ in an aperture of radius r over sky noise σ e/s per pixel: 25 − 2.5 log10(5 σ √(π r²)) with r ≈ 3 FWHM ≈ 14 px.
            Assert.InRange(product.Qc["coadd_maglim_5sigma"], 20.0, 21.5);
        }

        [Fact]
        public void Given_a_frame_without_an_exposure_time_When_run_Then_it_is_skipped_by_name_and_the_others_are_coadded()
        {
            var frames = new[] { Reduced("a.fits", 0, 0, 1), Reduced("b.fits", 3, 2, 2, exptime: null) };
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(new RecipeInput { Frames = frames }, new CoaddImagesParameters(), default));
            Assert.Equal("b.fits", Assert.Single(ok.Skipped).Name);
            Assert.Equal(1, ok.Products[0].Qc["coadd_frames"]);
        }

        [Fact]
        public void Given_a_frame_without_a_WCS_When_run_Then_it_is_aligned_on_its_stars_to_the_first_frame()
        {
            var frames = new[] { Reduced("a.fits", 0, 0, 1), Reduced("b.fits", 3, 2, 2, wcs: false) };
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(new RecipeInput { Frames = frames }, new CoaddImagesParameters(), default));
            Assert.Empty(ok.Skipped);
            Assert.Contains(ok.Products[0].History, h => h.StartsWith("coadd: b.fits", StringComparison.Ordinal) && h.Contains("WCS stars:", StringComparison.Ordinal));
            Assert.Equal(60, ok.Products[0].Qc["coadd_exposure_s"]);
        }

        [Fact]
        public void Given_a_frame_whose_WCS_was_not_solved_against_a_catalog_When_run_Then_it_is_aligned_on_its_stars_and_a_solved_one_keeps_its_own()
        {
            // b's header WCS is a raw frame's rough pointing (no ASTRSOLV): it is not trusted.
            var frames = new[] { Reduced("a.fits", 0, 0, 1), Reduced("b.fits", 3, 2, 2, solved: false), Reduced("c.fits", 1, 1, 3) };
            var ok = Assert.IsType<RecipeSucceeded>(Recipe.Run(new RecipeInput { Frames = frames }, new CoaddImagesParameters(), default));
            Assert.Empty(ok.Skipped);
            var history = ok.Products[0].History;
            Assert.Contains(history, h => h.StartsWith("coadd: b.fits", StringComparison.Ordinal) && h.Contains("WCS stars:", StringComparison.Ordinal));
            Assert.Contains(history, h => h.StartsWith("coadd: c.fits", StringComparison.Ordinal) && !h.Contains("WCS stars:", StringComparison.Ordinal));
        }
    }
}
