using Parallax.Imaging;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Tests.Support;

namespace Parallax.Recipes.Tests;

public class BadPixelMapTests
{
    private static readonly BadPixelMap Recipe = new();

    private static bool Has(ushort m, MaskBits bits) => (m & (ushort)bits) == (ushort)bits;

    public class Run
    {
        [Fact]
        public void Given_a_flat_with_dead_empty_and_bright_pixels_a_weak_column_and_a_dark_with_a_hot_pixel_When_mapped_Then_exactly_those_are_flagged()
        {
            // A smooth flat (a 10 % slope, which the smooth flat follows) with a dead pixel at (5, 5), a pixel without
            // data at (20, 40) (BadPixel, not Cold: its response is unknown), a pixel of
            // 1.5× response at (40, 20), and column 30 at 0.9 over every row: too mild for the pixel test, found
            // by the column test.
            var flat = Images.Of(64, 64, (x, y) => (x, y) switch
            {
                (5, 5) => 0,
                (20, 40) => double.NaN,
                (40, 20) => 1.5 * (0.95 + 0.1 * x / 63.0),
                (30, _) => 0.9 * (0.95 + 0.1 * x / 63.0),
                _ => 0.95 + 0.1 * x / 63.0,
            });
            // Dark 100 s, 10 ADU with 1 ADU of noise, a hot pixel of 60 ADU (0.5 adu/s above the median) at (7, 50).
            var dark = Images.Noisy(64, 64, 10, 1, 3, (x, y) => (x, y) == (7, 50) ? 50 : 0);
            var input = Images.Input([Images.Frame(flat, "MASTER_FLAT")], Images.Detector(gain: 2), Images.Frame(dark, "MASTER_DARK", 100));

            var product = Images.Single(Recipe.Run(input, new BadPixelMapParameters { SmoothBox = 16, HotRate = 0.5 }, default), "MASTER_BPM");

            var m = product.Image.Mask;
            Assert.True(Has(m[5 * 64 + 5], MaskBits.Cold | MaskBits.BadPixel));
            Assert.Equal((ushort)MaskBits.BadPixel, m[20 * 64 + 40]);
            Assert.Equal((ushort)MaskBits.BadPixel, m[40 * 64 + 20]);
            for (var y = 0; y < 64; y++) Assert.True(Has(m[y * 64 + 30], MaskBits.Cold | MaskBits.BadPixel), $"column 30 row {y}");
            // 50 ADU × gain 2 / 100 s = 1 e/s > 0.5 e/s threshold, and 50σ.
            Assert.Equal((ushort)(MaskBits.Hot | MaskBits.BadPixel), m[50 * 64 + 7]);
            Assert.Equal(64 + 1 + 1 + 1 + 1, product.Qc["n_bad"]);
            Assert.Equal(1, product.Qc["n_hot"]);
            Assert.Equal(65, product.Qc["n_cold"]);
            Assert.Equal(68.0 / 4096, product.Qc["fraction"], 12);
            for (var i = 0; i < m.Length; i++) Assert.Equal(m[i] == 0 ? 0f : 1f, product.Image.Data[i]);
        }

        [Fact]
        public void Given_no_master_dark_When_mapped_Then_only_the_flat_is_used_and_the_history_says_so()
        {
            var flat = Images.Constant(32, 32, 1);
            var product = Images.Single(Recipe.Run(Images.Input([Images.Frame(flat, "MASTER_FLAT")]), new BadPixelMapParameters { SmoothBox = 16 }, default), "MASTER_BPM");
            Assert.Equal(0, product.Qc["n_bad"]);
            Assert.Contains(product.History, h => h.Contains("no MASTER_DARK", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_dark_of_another_shape_When_mapped_Then_the_data_are_unprocessable()
        {
            var input = Images.Input([Images.Frame(Images.Constant(32, 32, 1), "MASTER_FLAT")], null, Images.Frame(Images.Constant(16, 16, 1), "MASTER_DARK", 10));
            Assert.IsType<UnprocessableData>(Recipe.Run(input, new BadPixelMapParameters { SmoothBox = 16 }, default));
        }
    }

    public class Validate
    {
        [Fact]
        public void Given_cold_response_not_below_high_response_When_validated_Then_it_is_refused()
            => Assert.Equal(["cold_response = 1 must be below high_response = 1"], new BadPixelMapParameters { ColdResponse = 1.0, HighResponse = 1.0 }.Validate());
    }

    /// <summary>
    /// Truth: an unbinned 2048 × 1024 sim-imager (the shipped model cut to 1024 rows, the partly blocked
    /// column then blocked over rows 900..1023) with 3 biases, 3 darks of 300 s and 3 V dome flats, reduced to
    /// masters by the shipped recipes and mapped with the default parameters.
    /// </summary>
    public class Truth
    {
        [Fact]
        public void Given_simulated_masters_When_mapped_Then_hot_pixels_and_bad_columns_are_found_with_few_false_positives()
        {
            const string plan = """
                instrument: sim-imager
                start: 2025-03-16T02:00:00
                calibrations:
                  - {type: bias, count: 3}
                  - {type: dark, count: 3, exptime: 300}
                  - {type: flat, flat: dome, filters: [V], count: 3, level: 20000}
                """;
            using var night = new SimulatedImager(plan, 5, m => m with
            {
                Detector = m.Detector with
                {
                    Rows = 1024,
                    BadColumns = [m.Detector.BadColumns[0], m.Detector.BadColumns[1] with { Rows = [900, 1023] }],
                },
                Presets = new Dictionary<string, Parallax.Simulation.Plans.NightPlan>(),
            });
            var biases = night.Frames("BIAS", "BIAS");
            var layout = night.Layout(biases[0]);
            var bias = Master(new MasterBias().Run(Images.Input(biases, layout), new MasterBiasParameters(), default), "MASTER_BIAS");
            var dark = Master(new MasterDark().Run(Images.Input(night.Frames("DARK", "DARK"), layout, bias), new MasterDarkParameters(), default), "MASTER_DARK", 300);
            var flat = Master(new MasterFlat().Run(Images.Input(night.Frames("FLAT", "FLAT"), layout, bias, dark), new MasterFlatParameters(), default), "MASTER_FLAT");

            var parameters = new BadPixelMapParameters();
            var product = Images.Single(Recipe.Run(Images.Input([flat], layout, dark), parameters, default), "MASTER_BPM");
            var mask = product.Image.Mask;
            const int w = 2048, h = 1024;

            var truth = new bool[w * h];
            var defects = night.Csv("defects.csv");
            var hot = defects.Where(d => d["kind"] == "hot").Select(d => (X: (int)SimulatedImager.Number(d["x"]), Y: (int)SimulatedImager.Number(d["y_first"]), Rate: SimulatedImager.Number(d["value"]))).ToList();
            foreach (var p in hot) truth[p.Y * w + p.X] = true;
            var strong = hot.Where(p => p.Rate > parameters.HotRate).ToList();
            Assert.True(strong.Count > 100, $"only {strong.Count} hot pixels above {parameters.HotRate} e/s in the truth");
            var found = strong.Count(p => Has(mask[p.Y * w + p.X], MaskBits.Hot));
            Assert.True(found >= 0.95 * strong.Count, $"{found} of {strong.Count} hot pixels above {parameters.HotRate} e/s found");

            // Column 611 dead over every row; column 1377 at 0.55 over rows 900..1023 and normal below.
            for (var y = 0; y < h; y++)
            {
                truth[y * w + 611] = true;
                if (y >= 900) truth[y * w + 1377] = true;
            }
            Assert.True(Enumerable.Range(0, h).All(y => Has(mask[y * w + 611], MaskBits.Cold)), "dead column 611 not flagged over every row");
            Assert.True(Enumerable.Range(900, h - 900).All(y => Has(mask[y * w + 1377], MaskBits.Cold)), "column 1377 not flagged over rows 900..1023");

            var falsePositives = 0;
            for (var i = 0; i < mask.Length; i++) if (mask[i] != 0 && !truth[i]) falsePositives++;
            Assert.True(falsePositives < 1e-4 * mask.Length, $"{falsePositives} pixels flagged that are no defect ({1e-4 * mask.Length:0} allowed)");
            Assert.Equal(mask.Count(m => m != 0), product.Qc["n_bad"]);
        }

        private static RecipeFrame Master(RecipeOutcome outcome, string category, double? exptime = null)
        {
            var product = Images.Single(outcome, category);
            return new RecipeFrame { Name = category.ToLowerInvariant() + ".fits", Category = category, Image = product.Image, ExposureTime = exptime };
        }
    }
}
