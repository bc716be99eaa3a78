using Parallax.Simulation.Detector;
using Parallax.Simulation.Models;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Tests;

public class DetectorReadoutTests
{
    private static DetectorPattern Pattern(Func<DetectorModel, DetectorModel>? change = null)
        => DetectorPattern.Create(TestModels.SmallImager(change).Detector, 1);

    private static IEnumerable<double> Columns(RawExposure e, DetectorLayout layout, int start, int width)
    {
        for (var y = 0; y < layout.Rows; y++)
            for (var x = start; x < start + width; x++) yield return e.Pixels[y * layout.RawColumns + x];
    }

    public class Bias
    {
        [Fact]
        public void Given_bias_frames_When_the_overscan_is_measured_Then_each_amplifier_shows_its_level_and_read_noise()
        {
            var pattern = Pattern();
            var layout = pattern.Layout;
            foreach (var a in layout.Amplifiers)
            {
                var means = new List<double>();
                var noise = new List<double>();
                for (var k = 0; k < 8; k++)
                {
                    var e = DetectorReadout.Read(pattern, null, 0, CounterRandom.Key(5, (ulong)k), ExposureOptions.Realistic with { CosmicRays = false });
                    var (mean, std) = TestModels.MeanStd(Columns(e, layout, a.RawOverscanStart, a.OverscanWidth));
                    // The overscan holds the level, the row ramp (mean ramp/2) and this frame's jitter.
                    means.Add(mean - e.BiasOffsets[a.Index] - a.Model.BiasRowRamp / 2);
                    noise.Add(std);
                }
                var rn = a.Model.ReadNoise / a.Model.Gain;
                // 8 frames x 4096 overscan pixels: the mean is known to rn/sqrt(32768) = 0.016 ADU (plus rounding); the ramp's own spread adds to std.
                Assert.InRange(means.Average(), a.Model.Bias - 0.05, a.Model.Bias + 0.05);
                var rampSpread = Math.Abs(a.Model.BiasRowRamp) / Math.Sqrt(12);
                var expected = Math.Sqrt(rn * rn + rampSpread * rampSpread + 1.0 / 12);
                Assert.InRange(noise.Average(), 0.98 * expected, 1.02 * expected);
            }
        }

        [Fact]
        public void Given_two_bias_frames_When_differenced_Then_the_data_area_noise_is_the_read_noise_over_the_gain()
        {
            var pattern = Pattern();
            var layout = pattern.Layout;
            var options = ExposureOptions.Realistic with { CosmicRays = false };
            var e1 = DetectorReadout.Read(pattern, null, 0, 101, options);
            var e2 = DetectorReadout.Read(pattern, null, 0, 102, options);
            foreach (var a in layout.Amplifiers)
            {
                var diff = Columns(e1, layout, a.RawDataStart, a.DataWidth).Zip(Columns(e2, layout, a.RawDataStart, a.DataWidth), (p, q) => p - q);
                var (_, std) = TestModels.MeanStd(diff);
                var rn = a.Model.ReadNoise / a.Model.Gain;
                var expected = Math.Sqrt(rn * rn + 1.0 / 12);   // plus the rounding of each frame
                Assert.InRange(std / Math.Sqrt(2), 0.97 * expected, 1.03 * expected);
            }
        }

        [Fact]
        public void Given_many_bias_frames_When_averaged_Then_the_mean_is_the_true_2D_bias()
        {
            var pattern = Pattern();
            var layout = pattern.Layout;
            var sum = new double[pattern.Bias.Length];
            const int n = 30;
            for (var k = 0; k < n; k++)
            {
                var e = DetectorReadout.Read(pattern, null, 0, CounterRandom.Key(9, (ulong)k), ExposureOptions.Realistic with { CosmicRays = false });
                for (var x = 0; x < layout.RawColumns; x++)
                {
                    var a = layout.Amplifiers.First(a => x >= Math.Min(a.RawDataStart, a.RawOverscanStart) && x < Math.Max(a.RawDataStart + a.DataWidth, a.RawOverscanStart + a.OverscanWidth));
                    for (var y = 0; y < layout.Rows; y++) sum[y * layout.RawColumns + x] += e.Pixels[y * layout.RawColumns + x] - e.BiasOffsets[a.Index];
                }
            }
            var residual = sum.Select((s, i) => s / n - pattern.Bias[i]).ToArray();
            var (mean, std) = TestModels.MeanStd(residual);
            var rn = layout.Amplifiers.Max(a => a.Model.ReadNoise / a.Model.Gain);
            Assert.InRange(mean, -0.02, 0.02);
            Assert.InRange(std, 0, 1.05 * Math.Sqrt((rn * rn + 1.0 / 12) / n));
            // ...and the structure it recovers is real: the column pattern has an rms near the model's.
            var a0 = layout.Amplifiers[0];
            var columnMeans = Enumerable.Range(a0.RawDataStart + 20, a0.DataWidth - 20).Select(x => Enumerable.Range(0, layout.Rows).Average(y => sum[y * layout.RawColumns + x] / n)).ToArray();
            Assert.InRange(TestModels.MeanStd(columnMeans).Std, 0.6 * a0.Model.BiasColumnRms, 1.4 * a0.Model.BiasColumnRms);
        }
    }

    public class Dark
    {
        [Fact]
        public void Given_darks_of_several_exposure_times_When_measured_Then_the_signal_grows_as_the_dark_current()
        {
            const double current = 0.5;   // e-/s: large enough to measure in a small frame
            var pattern = Pattern(d => d with { DarkCurrent = current });
            var layout = pattern.Layout;
            var a = layout.Amplifiers[0];
            var options = ExposureOptions.Realistic with { CosmicRays = false };
            var points = new List<(double T, double E)>();
            foreach (var t in new[] { 0.0, 60, 300, 900 })
            {
                var e = DetectorReadout.Read(pattern, null, t, CounterRandom.Key(77, (ulong)t), options);
                var electrons = new List<double>();
                for (var y = 0; y < layout.Rows; y++)
                    for (var x = a.RawDataStart; x < a.RawDataStart + a.DataWidth; x++)
                        electrons.Add((e.Pixels[y * layout.RawColumns + x] - pattern.Bias[y * layout.RawColumns + x] - e.BiasOffsets[a.Index]) * a.Model.Gain);
                // The median ignores the hot pixels; the mean electrons of a Poisson(λ ≥ 30) pixel is λ.
                points.Add((t, t == 0 ? electrons.Average() : TestModels.Median(electrons)));
            }
            var slope = (points[3].E - points[1].E) / (points[3].T - points[1].T);
            Assert.InRange(slope, 0.97 * current, 1.03 * current);
            Assert.InRange(points[0].E, -0.2, 0.2);
            Assert.InRange(points[2].E / 300, 0.95 * current, 1.05 * current);
        }

        [Fact]
        public void Given_hot_pixels_When_a_long_dark_is_read_Then_each_shows_its_own_dark_current()
        {
            var pattern = Pattern(d => d with { HotPixels = d.HotPixels with { Fraction = 2e-3 } });
            var layout = pattern.Layout;
            var e = DetectorReadout.Read(pattern, null, 600, 3, ExposureOptions.Realistic with { CosmicRays = false });
            var bright = pattern.HotPixels.Where(h => h.Rate > 2).ToList();
            Assert.NotEmpty(bright);
            foreach (var h in bright)
            {
                var a = layout.Amplifiers[layout.AmplifierOfColumn[h.X]];
                var r = a.RawColumn(h.X);
                var measured = (e.Pixels[h.Y * layout.RawColumns + r] - pattern.Bias[h.Y * layout.RawColumns + r] - e.BiasOffsets[a.Index]) * a.Model.Gain;
                var expected = 600 * (h.Rate + layout.Model.DarkCurrent);
                var sigma = Math.Sqrt(expected + a.Model.ReadNoise * a.Model.ReadNoise);
                if (expected * (1 - 1.5e-7 * expected) < 60000) Assert.InRange(measured, expected - 5 * sigma - 0.01 * expected, expected + 5 * sigma);
            }
        }
    }

    public class Signal
    {
        [Fact]
        public void Given_a_uniform_noiseless_exposure_When_read_Then_the_raw_signal_follows_gain_and_nonlinearity()
        {
            var pattern = Pattern();
            var layout = pattern.Layout;
            var model = layout.Model;
            const float electrons = 60000;
            var light = Enumerable.Repeat(electrons, layout.Columns * layout.Rows).ToArray();
            var e = DetectorReadout.Read(pattern, light, 0, 1, ExposureOptions.Noiseless);
            foreach (var a in layout.Amplifiers)
            {
                var linear = electrons / a.Model.Gain;
                var expected = linear + model.Nonlinearity[0] * linear * linear + model.Nonlinearity[1] * linear * linear * linear;
                var r = a.RawDataStart + 10;
                Assert.InRange(e.Pixels[5 * layout.RawColumns + r] - pattern.Bias[5 * layout.RawColumns + r], expected - 0.51, expected + 0.51);
            }
        }

        [Fact]
        public void Given_more_light_than_the_converter_holds_When_read_Then_pixels_clip_at_adc_max()
        {
            var pattern = Pattern();
            var layout = pattern.Layout;
            var light = Enumerable.Repeat(100_000f, layout.Columns * layout.Rows).ToArray();
            var e = DetectorReadout.Read(pattern, light, 0, 1, ExposureOptions.Noiseless);
            Assert.Equal(65535, e.Pixels[10 * layout.RawColumns + layout.Amplifiers[0].RawDataStart + 3]);
        }

        [Fact]
        public void Given_a_pixel_above_full_well_When_bled_Then_charge_spreads_along_the_column_and_is_conserved()
        {
            const int nx = 5, ny = 40;
            var charge = new float[nx * ny];
            charge[20 * nx + 2] = 500_000;
            DetectorReadout.Bleed(charge, nx, ny, 100_000);
            Assert.Equal(500_000, charge.Sum(), 1);
            Assert.All(charge, c => Assert.True(c <= 100_000));
            Assert.Equal(0, Enumerable.Range(0, ny).Sum(y => charge[y * nx + 1]));
            Assert.Equal(100_000, charge[18 * nx + 2]);
            Assert.Equal(100_000, charge[22 * nx + 2]);
        }
    }

    public class CosmicRays
    {
        [Fact]
        public void Given_long_exposures_When_events_are_counted_Then_they_follow_rate_times_area_times_time()
        {
            var layout = new DetectorLayout(TestModels.SmallImager().Detector, 1);
            var model = layout.Model.CosmicRays;
            var area = layout.Model.Columns * layout.Model.Rows * Math.Pow(layout.Model.PixelSize * 1e-4, 2);
            const double seconds = 2000;
            var counts = Enumerable.Range(0, 40).Select(k =>
            {
                var hits = CosmicRayGenerator.Generate(layout, model, seconds, CounterRandom.Key(31, (ulong)k));
                return hits.Select(h => h.Event).Distinct().Count();
            }).ToList();
            var expected = model.Rate * area * seconds;   // events whose charge all falls off the chip are not counted: a few percent
            Assert.InRange(counts.Average(), 0.85 * expected, 1.02 * expected + 3 * Math.Sqrt(expected / 40));
        }

        [Fact]
        public void Given_a_frame_with_cosmic_rays_When_compared_with_the_same_frame_without_Then_only_the_listed_pixels_differ()
        {
            var pattern = Pattern();
            var layout = pattern.Layout;
            var without = DetectorReadout.Read(pattern, null, 1000, 4, ExposureOptions.Noiseless);
            var with = DetectorReadout.Read(pattern, null, 1000, 4, ExposureOptions.Noiseless with { CosmicRays = true });
            Assert.NotEmpty(with.CosmicRays);
            var listed = with.CosmicRays.ToDictionary(h => (h.X, h.Y), h => h.Electrons);
            for (var y = 0; y < layout.Rows; y++)
                for (var x = 0; x < layout.Columns; x++)
                {
                    var a = layout.Amplifiers[layout.AmplifierOfColumn[x]];
                    var i = y * layout.RawColumns + a.RawColumn(x);
                    var delta = (with.Pixels[i] - without.Pixels[i]) * a.Model.Gain;
                    if (listed.TryGetValue((x, y), out var electrons)) Assert.InRange(delta, electrons - a.Model.Gain - 0.02 * electrons, electrons + a.Model.Gain);
                    else Assert.Equal(0, delta);
                }
        }
    }
}
