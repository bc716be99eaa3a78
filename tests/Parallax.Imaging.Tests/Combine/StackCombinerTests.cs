using Parallax.Imaging.Combine;
using Parallax.Imaging.Statistics;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Combine;

/// <summary>
/// Stack combination recovers a known truth: each test builds frames = truth + Gaussian noise,
/// injects what it tests (outliers, a bad frame, masks, NaN, level differences) and states its
/// tolerance in units of the noise of the combined pixel.
/// </summary>
public class StackCombinerTests
{
    private const int W = 64, H = 48;

    public class MedianCombine
    {
        [Fact]
        public void Given_15_frames_with_2_percent_injected_outliers_When_median_combined_Then_the_truth_is_recovered_within_noise()
        {
            var truth = Stacks.Truth(W, H);
            var frames = Stacks.Noisy(truth, W, H, 15, 2.0, seed: 1);
            var g = new Gaussian(2);
            foreach (var f in frames)
                for (var p = 0; p < f.PixelCount; p++)
                    if (g.Uniform() < 0.02) f.Data[p] += (float)(300 + 3000 * g.Uniform());

            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Median });

            // Median of 15 Gaussian values: σ_med ≈ 1.2533·σ/√15 = 0.65. Outliers shift a median by at most a rank or two.
            var diff = truth.Select((t, p) => (double)r.Image.Data[p] - t).ToArray();
            Assert.True(diff.Max(Math.Abs) < 5 * 0.65, $"largest deviation {diff.Max(Math.Abs):0.###} exceeds 5σ of the median");
            Assert.True(Math.Abs(diff.Average()) < 0.1, $"mean deviation {diff.Average():0.####} shows a bias");
            Assert.All(r.FramesUsed, n => Assert.Equal((ushort)15, n));
        }

        [Fact]
        public void Given_stacks_of_1_to_70_frames_with_nan_and_masks_When_median_combined_Then_each_pixel_is_the_median_of_its_usable_values()
        {
            // Width 19: two blocks of 8 pixels take the vector path (sorting network), three take the scalar path.
            // 1..70 frames crosses odd/even counts, the scalar sort's insertion/introsort switch (24) and the
            // network's size limit (64). Truth: the sorted definition of the median of the usable values.
            var g = new Gaussian(3);
            const int w = 19, h = 2;
            for (var n = 1; n <= 70; n++)
            {
                var frames = Enumerable.Range(0, n).Select(_ => new MaskedImage(w, h, [.. Enumerable.Range(0, w * h).Select(_ => (float)g.Index(9))])).ToArray();
                foreach (var f in frames)
                {
                    for (var p = 0; p < w * h; p++)
                    {
                        f.Variance[p] = 1 + g.Index(5);
                        var u = g.Uniform();
                        if (u < 0.05) f.Data[p] = float.NaN;
                        else if (u < 0.1) { f.Data[p] = -1e6f; f.Mask[p] = (ushort)MaskBits.CosmicRay; }
                        else if (u < 0.12) f.Mask[p] = (ushort)MaskBits.Nonlinear;
                    }
                }
                var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Median });
                for (var p = 0; p < w * h; p++)
                {
                    var usable = frames.Where(f => float.IsFinite(f.Data[p]) && (f.Mask[p] & (ushort)MaskBits.Unusable) == 0).ToArray();
                    var s = usable.Select(f => (double)f.Data[p]).Order().ToArray();
                    var k = s.Length;
                    Assert.Equal(k, r.FramesUsed[p]);
                    if (k == 0)
                    {
                        Assert.True(float.IsNaN(r.Image.Data[p]));
                        Assert.Equal((ushort)MaskBits.NoData, r.Image.Mask[p]);
                        continue;
                    }
                    var median = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
                    Assert.True((float)median == r.Image.Data[p], $"n={n} pixel {p}: {r.Image.Data[p]} instead of {median}");
                    var bits = usable.Aggregate(0, (b, f) => b | f.Mask[p]);
                    Assert.Equal((ushort)bits, r.Image.Mask[p]);
                    var variance = usable.Sum(f => (double)f.Variance[p]);
                    Close.Equal(Math.PI / 2 * variance / ((double)k * k), r.Image.Variance[p], 1e-6, 0, $"n={n} pixel {p} variance");
                }
            }
        }
    }

    public class SigmaClip
    {
        [Theory]
        [InlineData(SpreadFunction.StandardDeviation)]
        [InlineData(SpreadFunction.MadSigma)]
        public void Given_one_frame_offset_by_1000_When_sigma_clipped_Then_it_is_rejected_at_every_pixel(SpreadFunction spread)
        {
            var truth = Stacks.Truth(W, H);
            var frames = Stacks.Noisy(truth, W, H, 10, 1.0, seed: 4);
            var bad = frames[6];
            for (var p = 0; p < bad.PixelCount; p++) bad.Data[p] += 1000;
            var parameters = new CombineParameters { Method = CombineMethod.Mean, Rejection = RejectionMethod.SigmaClip, ClipSpread = spread, MaxIterations = 100 };

            var r = StackCombiner.Combine(Stacks.Sources(frames), parameters);

            // Had the +1000 frame been kept anywhere, that pixel would sit ≥ 1000/10 = 100 above the truth.
            Assert.All(r.Rejected, n => Assert.True(n >= 1));
            var worst = truth.Select((t, p) => Math.Abs(r.Image.Data[p] - t)).Max();
            Assert.True(worst < 5 / Math.Sqrt(7), $"deviation {worst:0.###} from truth is beyond 5σ of a mean of ≥ 7 frames");
            if (spread == SpreadFunction.StandardDeviation)
            {
                // With σ from the standard deviation, pass 1 removes exactly the bad frame (σ ≈ 300 hides every good value),
                // so the result is exactly the combination of the 9 good frames.
                var without = StackCombiner.Combine(Stacks.Sources(frames.Where(f => f != bad)), parameters);
                Assert.Equal(without.Image.Data, r.Image.Data);
                Assert.Equal(without.FramesUsed, r.FramesUsed);
            }
        }

        [Fact]
        public void Given_one_pass_When_limited_to_one_iteration_Then_only_the_first_round_is_rejected()
        {
            // Stack 0,0,0,0,0,0,0,0,0,10,100: pass 1 (median 0, σ 28.6) rejects 100 only; pass 2 (σ 2.9) would reject 10 too.
            float[] stack = [0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 100];
            var frames = stack.Select(v => new MaskedImage(1, 1, [v])).ToArray();
            var once = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Rejection = RejectionMethod.SigmaClip, MaxIterations = 1 });
            var twice = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Rejection = RejectionMethod.SigmaClip, MaxIterations = 2 });
            Assert.Equal(1, once.Rejected[0]);
            Assert.Equal(1f, once.Image.Data[0]);
            Assert.Equal(2, twice.Rejected[0]);
            Assert.Equal(0f, twice.Image.Data[0]);
        }

        [Fact]
        public void Given_asymmetric_thresholds_When_clipped_Then_low_and_high_use_their_own_sigma()
        {
            // Median 0; with σ fixed by MAD (robust to the two outliers) at 1.4826: −6 is 4σ low, +6 is 4σ high.
            float[] stack = [-1, 1, -1, 1, 0, -6, 6];
            var frames = stack.Select(v => new MaskedImage(1, 1, [v])).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters
            {
                Method = CombineMethod.Mean, Rejection = RejectionMethod.SigmaClip, ClipSpread = SpreadFunction.MadSigma, SigmaLow = 5, SigmaHigh = 3, MaxIterations = 1,
            });
            Assert.Equal(1, r.Rejected[0]);
            Assert.Equal(-6f / 6f, r.Image.Data[0], 6);
        }
    }

    public class OtherRejections
    {
        [Fact]
        public void Given_minmax_When_combined_Then_the_lowest_and_highest_values_are_dropped()
        {
            float[] stack = [5, 1, 9, 3, 7, 2];
            var frames = stack.Select(v => new MaskedImage(1, 1, [v])).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Rejection = RejectionMethod.MinMax, RejectLow = 1, RejectHigh = 2 });
            Assert.Equal((2f + 3 + 5) / 3, r.Image.Data[0], 6);
            Assert.Equal(3, r.Rejected[0]);
            Assert.Equal(3, r.FramesUsed[0]);
        }

        [Fact]
        public void Given_minmax_and_masked_values_When_combined_Then_the_counts_scale_with_the_usable_values_and_one_value_stays()
        {
            // 8 frames, nlow = nhigh = 2: a pixel with 4 usable values loses floor(2·4/8) = 1 at each end; a pixel with one keeps it.
            var frames = Enumerable.Range(0, 8).Select(i => new MaskedImage(2, 1, [i, i])).ToArray();
            for (var i = 0; i < 4; i++) frames[i].Mask[0] = (ushort)MaskBits.BadPixel;
            for (var i = 0; i < 7; i++) frames[i].Mask[1] = (ushort)MaskBits.BadPixel;
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Rejection = RejectionMethod.MinMax, RejectLow = 2, RejectHigh = 2 });
            Assert.Equal(5.5f, r.Image.Data[0]);
            Assert.Equal(2, r.Rejected[0]);
            Assert.Equal(7f, r.Image.Data[1]);
            Assert.Equal(1, r.FramesUsed[1]);
        }

        [Theory]
        [InlineData(RejectionMethod.PercentileClip, 1)]
        [InlineData(RejectionMethod.WinsorizedSigmaClip, 10)]
        [InlineData(RejectionMethod.SigmaClip, 10)]
        public void Given_20_frames_with_two_50_sigma_outliers_per_pixel_When_clipped_Then_the_outliers_are_always_rejected(RejectionMethod method, int iterations)
        {
            var truth = Stacks.Truth(W, H);
            var frames = Stacks.Noisy(truth, W, H, 20, 1.0, seed: 5);
            var g = new Gaussian(6);
            var hit = new (int, int)[truth.Length];
            for (var p = 0; p < truth.Length; p++)
            {
                var a = g.Index(20);
                var b = (a + 1 + g.Index(19)) % 20;
                frames[a].Data[p] += 50;
                frames[b].Data[p] -= 50;
                hit[p] = (a, b);
            }
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Rejection = method, MaxIterations = iterations });
            // Both outliers go everywhere; a good value may occasionally go too (a 3σ tail), never many.
            // (Percentile clipping is single-pass, as IRAF's pclip: iterating a σ from the percentiles of
            // a truncated small sample shrinks it and eats into the good values.)
            Assert.All(r.Rejected, n => Assert.True(n >= 2));
            Assert.True(r.Rejected.Average(n => (double)n) < 2.2, $"{r.Rejected.Average(n => (double)n):0.###} values rejected per pixel on average");
            var worst = truth.Select((t, p) => Math.Abs(r.Image.Data[p] - t)).Max();
            Assert.True(worst < 5 / Math.Sqrt(16), $"deviation {worst:0.###} beyond 5σ of a mean of ≥ 16 frames");
        }
    }

    public class Variance
    {
        [Fact]
        public void Given_a_mean_of_16_frames_with_variance_planes_When_propagated_Then_the_variance_is_var_over_n_within_1_percent()
        {
            var truth = Stacks.Truth(W, H);
            var frames = Stacks.Noisy(truth, W, H, 16, 1.0, seed: 7);
            var g = new Gaussian(8);
            var v = truth.Select(_ => (float)(1 + 3 * g.Uniform())).ToArray();
            foreach (var f in frames) v.CopyTo(f.Variance, 0);
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean });
            Assert.Equal(VarianceMode.Propagated, r.VarianceUsed);
            for (var p = 0; p < v.Length; p++) Close.Equal(v[p] / 16.0, r.Image.Variance[p], 0.01, 0, $"pixel {p}");
        }

        [Fact]
        public void Given_frames_without_variance_When_mean_combined_Then_the_scatter_gives_sigma2_over_n_within_1_percent_on_average()
        {
            // σ = 2, n = 16: the scatter estimate σ̂²/n averages to 0.25; over 3072 pixels its relative error is √(2/15/3072) ≈ 0.7%… so use 4×.
            var truth = Stacks.Truth(128, 96);
            var frames = Stacks.Noisy(truth, 128, 96, 16, 2.0, seed: 9);
            var r = StackCombiner.Combine(Stacks.Sources(frames, hasVariance: false), new CombineParameters { Method = CombineMethod.Mean });
            Assert.Equal(VarianceMode.Scatter, r.VarianceUsed);
            Close.Equal(4.0 / 16, r.Image.Variance.Average(x => (double)x), 0.01, 0, "mean scatter variance");
            // And the variance predicts the actual error of the combined pixels.
            var err2 = truth.Select((t, p) => Math.Pow(r.Image.Data[p] - t, 2)).Average();
            Close.Equal(4.0 / 16, err2, 0.05, 0, "mean squared error of the combined image");
        }

        [Fact]
        public void Given_a_median_and_a_sum_When_propagated_Then_the_median_carries_pi_over_2_and_the_sum_the_total()
        {
            var frames = Enumerable.Range(0, 9).Select(i => new MaskedImage(1, 1, [i], [0.5f + i])).ToArray();
            var total = Enumerable.Range(0, 9).Sum(i => 0.5 + i);
            var median = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Median });
            var sum = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Sum });
            Close.Equal(Math.PI / 2 * total / 81, median.Image.Variance[0], 1e-6);
            Close.Equal(total, sum.Image.Variance[0], 1e-6);
            Assert.Equal(36f, sum.Image.Data[0]);
        }

        [Fact]
        public void Given_frames_of_different_noise_When_weighted_mean_combined_Then_weights_are_inverse_variances()
        {
            float[] x = [10, 20, 40];
            float[] v = [1, 4, 16];
            var frames = x.Select((xi, i) => new MaskedImage(1, 1, [xi], [v[i]])).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.WeightedMean });
            var w = v.Select(vi => 1.0 / vi).ToArray();
            Close.Equal(x.Select((xi, i) => xi * w[i]).Sum() / w.Sum(), r.Image.Data[0], 1e-6);
            Close.Equal(1 / w.Sum(), r.Image.Variance[0], 1e-6);
        }

        [Fact]
        public void Given_a_frame_without_variance_When_weighted_mean_is_asked_Then_the_frame_is_named()
        {
            var frames = Stacks.Sources([new MaskedImage(2, 2), new MaskedImage(2, 2)], hasVariance: false);
            var e = Assert.Throws<ArgumentException>(() => StackCombiner.Combine(frames, new CombineParameters { Method = CombineMethod.WeightedMean }));
            Assert.Contains("frame0", e.Message);
        }
    }

    public class MasksAndNaN
    {
        [Fact]
        public void Given_masked_and_nan_inputs_When_combined_Then_they_are_ignored_and_counted_out()
        {
            var frames = Enumerable.Range(0, 5).Select(i => new MaskedImage(4, 1, [1 + i, 1 + i, 1 + i, 1 + i])).ToArray();
            frames[0].Data[0] = 1e6f; frames[0].Mask[0] = (ushort)MaskBits.CosmicRay;
            frames[1].Data[1] = float.NaN;
            frames[2].Mask[2] = (ushort)MaskBits.Nonlinear; // informational: used, and carried to the output
            foreach (var f in frames) { f.Mask[3] = (ushort)MaskBits.BadPixel; }
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean });
            Assert.Equal(new ushort[] { 4, 4, 5, 0 }, r.FramesUsed);
            Assert.Equal((2f + 3 + 4 + 5) / 4, r.Image.Data[0], 6);
            Assert.Equal((1f + 3 + 4 + 5) / 4, r.Image.Data[1], 6);
            Assert.Equal(3f, r.Image.Data[2], 6);
            Assert.Equal((ushort)MaskBits.Nonlinear, r.Image.Mask[2]);
            Assert.True(float.IsNaN(r.Image.Data[3]));
            Assert.Equal((ushort)MaskBits.NoData, r.Image.Mask[3]);
            Assert.Equal(new ushort[] { 0, 0, 0, 0 }, r.Rejected);
        }

        [Fact]
        public void Given_a_custom_reject_mask_and_blank_When_combined_Then_only_those_bits_exclude_and_the_blank_is_written()
        {
            var frames = Enumerable.Range(0, 3).Select(i => new MaskedImage(2, 1, [10 * (i + 1), 10 * (i + 1)], null, [(ushort)MaskBits.Saturated, (ushort)MaskBits.Hot])).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, RejectMask = MaskBits.Hot, BlankValue = 0 });
            Assert.Equal(20f, r.Image.Data[0]);
            Assert.Equal((ushort)MaskBits.Saturated, r.Image.Mask[0]);
            Assert.Equal(0f, r.Image.Data[1]);
            Assert.Equal((ushort)MaskBits.NoData, r.Image.Mask[1]);
        }
    }

    public class Scaling
    {
        [Fact]
        public void Given_flats_at_different_levels_When_median_scaled_Then_the_result_is_the_pattern_at_the_mean_level()
        {
            var pattern = Stacks.Truth(W, H, level: 1);
            float[] levels = [8000, 10000, 12000, 9000, 11000];
            var frames = levels.Select(l => new MaskedImage(W, H, [.. pattern.Select(t => t * l)])).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Scale = ScaleMethod.Median });
            var median = pattern.Select(t => (double)t).Order().ToArray();
            var m = (median[median.Length / 2 - 1] + median[median.Length / 2]) / 2;
            for (var i = 0; i < levels.Length; i++) Close.Equal(10000.0 / levels[i], r.Scales[i], 1e-6, 0, $"scale {i}");
            for (var p = 0; p < pattern.Length; p += 7) Close.Equal(pattern[p] * 10000.0, r.Image.Data[p], 1e-6, 0, $"pixel {p}");
            Assert.True(m > 0);
        }

        [Fact]
        public void Given_darks_of_different_exposures_When_exposure_scaled_Then_scales_are_mean_t_over_t()
        {
            var frames = new[] { 30.0, 60.0, 90.0 }.Select((t, i) =>
                (IFrameSource)new MaskedImageFrameSource(new MaskedImage(2, 2, [(float)t, (float)t, (float)t, (float)t]), $"d{i}", t)).ToArray();
            var r = StackCombiner.Combine(frames, new CombineParameters { Method = CombineMethod.Mean, Scale = ScaleMethod.Exposure });
            Assert.Equal([2.0, 1.0, 60.0 / 90.0], r.Scales.ToArray());
            Assert.All(r.Image.Data, v => Assert.Equal(60f, v, 5));
        }

        [Fact]
        public void Given_sky_frames_with_different_backgrounds_When_median_offset_Then_they_are_brought_to_the_mean_level()
        {
            var truth = Stacks.Truth(W, H, level: 0);
            float[] sky = [100, 130, 160];
            var frames = sky.Select(s => new MaskedImage(W, H, [.. truth.Select(t => t + s)])).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Median, Offset = OffsetMethod.Median });
            Assert.Equal([30.0, 0.0, -30.0], r.Offsets.Select(o => Math.Round(o, 4)).ToArray());
            for (var p = 0; p < truth.Length; p += 5) Close.Equal(truth[p] + 130.0, r.Image.Data[p], 1e-6, 1e-4);
        }

        [Fact]
        public void Given_a_frame_at_zero_level_When_median_scaled_Then_the_frame_is_named()
        {
            var frames = Stacks.Sources([new MaskedImage(2, 2, [1, 1, 1, 1]), new MaskedImage(2, 2)]);
            var e = Assert.Throws<ArgumentException>(() => StackCombiner.Combine(frames, new CombineParameters { Scale = ScaleMethod.Median }));
            Assert.Contains("frame1", e.Message);
        }

        [Fact]
        public void Given_a_frame_without_exposure_When_exposure_scaled_Then_the_frame_is_named()
        {
            var e = Assert.Throws<ArgumentException>(() => StackCombiner.Combine(Stacks.Sources([new MaskedImage(1, 1, [1f])]), new CombineParameters { Scale = ScaleMethod.Exposure }));
            Assert.Contains("EXPTIME", e.Message);
        }
    }

    public class Checks
    {
        [Fact]
        public void Given_frames_of_different_sizes_When_combined_Then_both_sizes_are_named()
        {
            var e = Assert.Throws<ArgumentException>(() => StackCombiner.Combine(Stacks.Sources([new MaskedImage(3, 2), new MaskedImage(2, 3)])));
            Assert.Contains("frame1 is 2×3 but frame0 is 3×2", e.Message);
        }

        [Fact]
        public void Given_no_frames_When_combined_Then_it_says_so()
            => Assert.Contains("no frames", Assert.Throws<ArgumentException>(() => StackCombiner.Combine([])).Message);

        [Fact]
        public void Given_a_budget_below_one_row_band_When_combined_Then_the_message_says_how_much_is_needed()
        {
            var frames = Stacks.Sources(Enumerable.Range(0, 4).Select(_ => new MaskedImage(1000, 1000)));
            var e = Assert.Throws<ArgumentException>(() => StackCombiner.Combine(frames, new CombineParameters { MemoryBudgetBytes = 10 << 20 }));
            Assert.Contains("allow at least", e.Message);
        }

        [Theory]
        [InlineData(RejectionMethod.SigmaClip)]
        [InlineData(RejectionMethod.MinMax)]
        [InlineData(RejectionMethod.WinsorizedSigmaClip)]
        [InlineData(RejectionMethod.PercentileClip)]
        public void Given_the_same_stack_in_a_vector_lane_and_in_the_scalar_tail_When_combined_Then_the_results_are_identical(RejectionMethod rejection)
        {
            // Width 33: pixels 0..31 go through the vector path, pixel 32 through the scalar one; pixel 32 repeats pixel 5's stack.
            var g = new Gaussian(41);
            var frames = Enumerable.Range(0, 23).Select(i =>
            {
                var img = new MaskedImage(33, 1);
                for (var p = 0; p < 33; p++)
                {
                    img.Data[p] = (float)(1000 * (1 + 0.1 * i) + 20 * g.Next() + (g.Uniform() < 0.1 ? 500 : 0));
                    img.Variance[p] = (float)(1 + g.Uniform());
                    img.Mask[p] = g.Uniform() < 0.1 ? (ushort)MaskBits.Hot : (ushort)0;
                }
                img.Data[32] = img.Data[5];
                img.Variance[32] = img.Variance[5];
                img.Mask[32] = img.Mask[5];
                return img;
            }).ToArray();
            var r = StackCombiner.Combine(Stacks.Sources(frames), new CombineParameters { Method = CombineMethod.Mean, Rejection = rejection, Scale = ScaleMethod.Median, Offset = OffsetMethod.Median });
            Assert.Equal(r.Image.Data[5], r.Image.Data[32]);
            Assert.Equal(r.Image.Variance[5], r.Image.Variance[32]);
            Assert.Equal(r.Rejected[5], r.Rejected[32]);
            Assert.Equal(r.FramesUsed[5], r.FramesUsed[32]);
        }

        [Fact]
        public void Given_one_thread_or_all_When_combined_Then_results_are_identical()
        {
            var truth = Stacks.Truth(W, H);
            var frames = Stacks.Noisy(truth, W, H, 12, 3.0, seed: 10);
            var p = new CombineParameters { Method = CombineMethod.Mean, Rejection = RejectionMethod.SigmaClip };
            var a = StackCombiner.Combine(Stacks.Sources(frames), p with { MaxDegreeOfParallelism = 1 });
            var b = StackCombiner.Combine(Stacks.Sources(frames), p);
            Assert.Equal(a.Image.Data, b.Image.Data);
            Assert.Equal(a.Image.Variance, b.Image.Variance);
            Assert.Equal(a.Rejected, b.Rejected);
        }
    }
}
