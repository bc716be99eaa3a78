using Xunit.Abstractions;
using Parallax.Imaging;
using Parallax.Imaging.Statistics;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;
using Parallax.Recipes.Tests.Support;

namespace Parallax.Recipes.Tests;

/// <summary>
/// The simulated night the illumination and sky tests share: the standard sim-imager (2048² in two
/// amplifiers) read 4 × 4 binned (512²) to keep the test short, 3 biases, 5 V dome flats and 7 V science
/// frames of 120 s dithered by 40″ (25 binned pixels). The dome lamp's gradient is raised from the shipped
/// 0.3 % to 6 % across x (±1.5 % within each amplifier's half), so that the flat's error is well above the 0.5 %
/// the correction must reach.
/// </summary>
public sealed class DitheredNight : IDisposable
{
    public const double Gradient = 0.06;

    public DitheredNight()
    {
        Night = new SimulatedImager("""
            instrument: sim-imager
            start: 2025-03-16T02:00:00
            binning: 4
            calibrations:
              - {type: bias, count: 3}
              - {type: flat, flat: dome, filters: [V], count: 5, level: 20000}
            science:
              - {object: SIM-FIELD-1, ra: 135.0, dec: 25.0, filters: [V], exptime: 120, count: 7, dither: 40}
            """, 23, m => m with { Optics = m.Optics! with { DomeFlatGradient = Gradient } });
        var biases = Night.Frames("BIAS", "BIAS");
        Layout = Night.Layout(biases[0]);
        Bias = Master(new MasterBias().Run(Images.Input(biases, Layout), new MasterBiasParameters(), default), "MASTER_BIAS");
        Flat = Master(new MasterFlat().Run(Images.Input(Night.Frames("FLAT", "FLAT"), Layout, Bias), new MasterFlatParameters(), default), "MASTER_FLAT");
        Science = Night.Frames("OBJECT", "SCIENCE");
        var outcome = new Illumination().Run(Images.Input(Science, Layout, Bias, Flat), new IlluminationParameters(), default);
        IlluminationProduct = Images.Single(outcome, "MASTER_ILLUM");
        Illum = new RecipeFrame { Name = "master_illum.fits", Category = "MASTER_ILLUM", Image = IlluminationProduct.Image };
    }

    public SimulatedImager Night { get; }

    public DetectorLayout Layout { get; }

    public RecipeFrame Bias { get; }

    public RecipeFrame Flat { get; }

    public RecipeFrame Illum { get; }

    public RecipeProduct IlluminationProduct { get; }

    public List<RecipeFrame> Science { get; }

    private static RecipeFrame Master(RecipeOutcome outcome, string category)
        => new() { Name = category.ToLowerInvariant() + ".fits", Category = category, Image = Images.Single(outcome, category).Image };

    public void Dispose() => Night.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DitheredNightCollection : ICollectionFixture<DitheredNight>
{
    public const string Name = "dithered night";
}

public class IlluminationTests
{
    /// <summary>
    /// (rms, max |smoothed − 1|) of flat / truth, each amplifier's half divided by its median: the master flat
    /// carries each amplifier's gain, which the reduction evens out later, so only the shape is compared. rms is
    /// the robust σ (MAD) per pixel; smoothed is the median of 32 × 32 blocks.
    /// </summary>
    private static (double Rms, double MaxSmoothed) Agreement(float[] flat, float[] truth, int w, int h)
    {
        var ratio = new float[w * h];
        foreach (var (x0, x1) in new[] { (0, w / 2), (w / 2, w) })
        {
            var half = new List<float>();
            for (var y = 0; y < h; y++) for (var x = x0; x < x1; x++) half.Add(flat[y * w + x] / truth[y * w + x]);
            var median = (float)RobustStatistics.Median(half.ToArray());
            for (var y = 0; y < h; y++) for (var x = x0; x < x1; x++) ratio[y * w + x] = flat[y * w + x] / truth[y * w + x] / median;
        }
        var rms = RobustStatistics.MadSigma(ratio);
        var max = 0.0;
        const int b = 32;
        var block = new float[b * b];
        for (var by = 0; by < h / b; by++)
            for (var bx = 0; bx < w / b; bx++)
            {
                for (var y = 0; y < b; y++) for (var x = 0; x < b; x++) block[y * b + x] = ratio[(by * b + y) * w + bx * b + x];
                max = Math.Max(max, Math.Abs(RobustStatistics.Median(block) - 1));
            }
        return (rms, max);
    }

    [Collection(DitheredNightCollection.Name)]
    public class Run(DitheredNight night, ITestOutputHelper output)
    {
        private readonly DitheredNight _night = night;

        [Fact]
        public void Given_dome_flats_with_a_lamp_gradient_When_the_illumination_is_applied_Then_the_flat_matches_the_true_flat_within_0_5_percent()
        {
            var truth = _night.Night.TruthImage("flat_V.fits");
            var flat = _night.Flat.Image;
            var (w, h) = (flat.Width, flat.Height);
            var corrected = new float[flat.PixelCount];
            for (var i = 0; i < corrected.Length; i++) corrected[i] = flat.Data[i] * _night.Illum.Image.Data[i];

            var before = Agreement(flat.Data, truth, w, h);
            var after = Agreement(corrected, truth, w, h);
            output.WriteLine($"master flat / truth: rms {before.Rms:P3}, max smoothed {before.MaxSmoothed:P3}; flat x illumination / truth: rms {after.Rms:P3}, max smoothed {after.MaxSmoothed:P3}");
            // Before: the 6 % lamp gradient leaves ±1.5 % at the edges of each half, so the smoothed ratio is far off.
            Assert.True(before.MaxSmoothed > 0.01, $"master flat alone: max smoothed deviation {before.MaxSmoothed:P3} (the test needs a visible gradient)");
            Assert.True(after.MaxSmoothed < 0.005, $"flat × illumination: max smoothed deviation {after.MaxSmoothed:P3} (before {before.MaxSmoothed:P3})");
            Assert.True(after.Rms < 0.005, $"flat × illumination: rms {after.Rms:P3} (before {before.Rms:P3})");
            Assert.Equal(1.0, _night.Illum.Image.Data.Average(v => (double)v), 1e-6);
            Assert.Equal(7, _night.IlluminationProduct.Qc["nframes"]);
        }

        [Fact]
        public void Given_fewer_frames_than_min_frames_When_run_Then_the_data_are_unprocessable()
        {
            var outcome = new Illumination().Run(Images.Input(_night.Science.Take(2), _night.Layout, _night.Bias, _night.Flat), new IlluminationParameters { MinFrames = 3 }, default);
            Assert.Contains("min_frames = 3", Assert.IsType<UnprocessableData>(outcome).Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_no_master_flat_When_run_Then_the_calibration_is_not_found()
            => Assert.IsType<CalibrationNotFound>(new Illumination().Run(Images.Input(_night.Science, _night.Layout, _night.Bias), new IlluminationParameters(), default));
    }
}

public class IlluminationSkyTests
{
    public class Smooth
    {
        [Fact]
        public void Given_a_combined_sky_with_a_gradient_and_masked_blocks_When_smoothed_Then_the_surface_is_the_gradient_scaled_to_mean_1()
        {
            // Analytic truth: 1 + 0.04 (x/127 − 0.5) − 0.02 (y/95 − 0.5)², mean over the pixels taken numerically.
            static double Truth(int x, int y) => 1 + 0.04 * (x / 127.0 - 0.5) - 0.02 * Math.Pow(y / 95.0 - 0.5, 2);
            var combined = Images.Of(128, 96, (x, y) => 1.7 * Truth(x, y));
            for (var i = 0; i < 200; i++) combined.Mask[i * 37 % combined.PixelCount] = (ushort)MaskBits.Rejected;
            combined.Data[50 * 128 + 60] = 100; // an unmasked outlier: one block median does not notice it
            var (correction, rms) = IlluminationSky.Smooth(combined, 2, 8);
            var mean = 0.0;
            for (var y = 0; y < 96; y++) for (var x = 0; x < 128; x++) mean += Truth(x, y);
            mean /= 128 * 96;
            for (var y = 0; y < 96; y += 5)
                for (var x = 0; x < 128; x += 5) Assert.Equal(Truth(x, y) / mean, correction.Data[y * 128 + x], 2e-4);
            Assert.True(rms < 1e-3, $"rms {rms}");
        }
    }
}
