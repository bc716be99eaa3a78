using Parallax.Imaging.Statistics;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Statistics;

/// <summary>
/// RobustStatistics against numpy and astropy.stats on the same float32 arrays
/// (data/stats/make_stats_vectors.py → stats_vectors.json): odd/even counts with outliers, skewed
/// data, NaN plus masked values, 1–5 elements, a constant array, 3001 values with a tail, heavy ties.
/// Tolerances: order statistics (median, percentiles, MAD) 1e-12 relative, since both pick the
/// same elements; sums (mean, std, biweight, clipped stats) 1e-9 relative, for the different order
/// of floating-point additions.
/// </summary>
public class RobustStatisticsTests
{
    public static TheoryData<string> Cases => StatsVectors.Names();

    public class Basic
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(RobustStatisticsTests))]
        public void Given_astropy_vectors_When_mean_std_median_and_percentiles_are_taken_Then_they_agree(string name)
        {
            var (values, mask, e) = StatsVectors.Case(name);
            Assert.Equal(e.GetProperty("count").GetInt32(), RobustStatistics.CountValid(values, mask));
            Close.Equal(e.Number("mean"), RobustStatistics.Mean(values, mask), 1e-9, 1e-12, "mean");
            Close.Equal(e.Number("std"), RobustStatistics.StandardDeviation(values, mask), 1e-9, 1e-12, "std");
            if (e.GetProperty("count").GetInt32() > 1) Close.Equal(e.Number("std_ddof1"), RobustStatistics.StandardDeviation(values, mask, ddof: 1), 1e-9, 1e-12, "std ddof 1");
            Close.Equal(e.Number("median"), RobustStatistics.Median(values, mask), 1e-12, 0, "median");
            var percents = e.GetProperty("percents").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            var expected = e.GetProperty("percentiles").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            var all = RobustStatistics.Percentiles(values, percents, mask);
            for (var i = 0; i < percents.Length; i++)
            {
                Close.Equal(expected[i], all[i], 1e-12, 1e-12, $"percentile {percents[i]}");
                Close.Equal(expected[i], RobustStatistics.Percentile(values, percents[i], mask), 1e-12, 1e-12, $"percentile {percents[i]} alone");
            }
        }

        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(RobustStatisticsTests))]
        public void Given_astropy_vectors_When_mad_and_mode_are_taken_Then_they_agree(string name)
        {
            var (values, mask, e) = StatsVectors.Case(name);
            Close.Equal(e.Number("mad"), RobustStatistics.MedianAbsoluteDeviation(values, mask), 1e-12, 1e-12, "MAD");
            Close.Equal(e.Number("mad_std"), RobustStatistics.MadSigma(values, mask), 1e-12, 1e-12, "mad_std");
            Close.Equal(e.Number("mode_estimate"), RobustStatistics.ModeEstimate(values, mask), 1e-9, 1e-9, "mode estimate");
        }
    }

    public class Biweight
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(RobustStatisticsTests))]
        public void Given_astropy_vectors_When_biweight_location_and_scale_are_taken_Then_they_agree(string name)
        {
            var (values, mask, e) = StatsVectors.Case(name);
            Close.Equal(e.Number("biweight_location"), RobustStatistics.BiweightLocation(values, mask: mask), 1e-9, 1e-12, "biweight_location c=6");
            Close.Equal(e.Number("biweight_location_c9"), RobustStatistics.BiweightLocation(values, c: 9, mask: mask), 1e-9, 1e-12, "biweight_location c=9");
            Close.Equal(e.Number("biweight_location_M0"), RobustStatistics.BiweightLocation(values, location: 0, mask: mask), 1e-9, 1e-12, "biweight_location M=0");
            Close.Equal(e.Number("biweight_scale"), RobustStatistics.BiweightScale(values, mask: mask), 1e-9, 1e-12, "biweight_scale c=9");
            Close.Equal(e.Number("biweight_scale_c6"), RobustStatistics.BiweightScale(values, c: 6, mask: mask), 1e-9, 1e-12, "biweight_scale c=6");
            Close.Equal(e.Number("biweight_midvariance_modified"), RobustStatistics.BiweightMidvariance(values, modifySampleSize: true, mask: mask), 1e-9, 1e-12, "midvariance, modified n");
        }
    }

    public class SigmaClipped
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(RobustStatisticsTests))]
        public void Given_astropy_vectors_When_sigma_clipped_stats_run_with_each_option_set_Then_mean_median_std_agree(string name)
        {
            var (values, mask, e) = StatsVectors.Case(name);
            var variants = e.GetProperty("sigma_clipped_stats");
            foreach (var variant in variants.EnumerateObject())
            {
                var args = variant.Value.GetProperty("args");
                var o = new SigmaClipOptions();
                foreach (var a in args.EnumerateObject())
                {
                    o = a.Name switch
                    {
                        "sigma" => o with { Sigma = a.Value.GetDouble() },
                        "sigma_lower" => o with { SigmaLower = a.Value.GetDouble() },
                        "sigma_upper" => o with { SigmaUpper = a.Value.GetDouble() },
                        "maxiters" => o with { MaxIterations = a.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : a.Value.GetInt32() },
                        "cenfunc" => o with { Centre = a.Value.GetString() == "mean" ? CentreFunction.Mean : CentreFunction.Median },
                        "stdfunc" => o with { Spread = a.Value.GetString() == "mad_std" ? SpreadFunction.MadSigma : SpreadFunction.StandardDeviation },
                        "std_ddof" => o with { StdDdof = a.Value.GetInt32() },
                        _ => throw new InvalidOperationException($"unknown argument {a.Name}"),
                    };
                }
                var s = RobustStatistics.SigmaClippedStats(values, o, mask);
                Close.Equal(variant.Value.Number("mean"), s.Mean, 1e-9, 1e-12, $"{variant.Name} mean");
                Close.Equal(variant.Value.Number("median"), s.Median, 1e-12, 1e-12, $"{variant.Name} median");
                Close.Equal(variant.Value.Number("std"), s.StandardDeviation, 1e-9, 1e-12, $"{variant.Name} std");
            }
        }

        [Fact]
        public void Given_an_obvious_outlier_When_clipped_Then_the_count_and_bounds_say_what_happened()
        {
            float[] v = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 500];
            var s = RobustStatistics.SigmaClippedStats(v);
            Assert.Equal(10, s.Count);
            Assert.Equal(1, s.Clipped);
            Assert.Equal(2, s.Iterations);
            Assert.True(s.UpperBound < 500 && s.LowerBound < 8);
        }

        [Fact]
        public void Given_invalid_options_When_used_Then_they_are_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => RobustStatistics.SigmaClippedStats(new float[3], new SigmaClipOptions { Sigma = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => RobustStatistics.SigmaClippedStats(new float[3], new SigmaClipOptions { MaxIterations = 0 }));
        }
    }

    public class NanAndMasks
    {
        [Fact]
        public void Given_every_length_0_to_256_with_nan_and_masked_values_When_statistics_run_Then_they_equal_those_of_the_good_values_alone()
        {
            var g = new Gaussian(31);
            for (var n = 0; n <= 256; n++)
            {
                var values = new float[n];
                var mask = new ushort[n];
                var good = new List<float>();
                for (var i = 0; i < n; i++)
                {
                    values[i] = (float)(g.Next() * 3 + 20);
                    var r = g.Uniform();
                    if (r < 0.1) values[i] = float.NaN;
                    else if (r < 0.2) { mask[i] = (ushort)MaskBits.Saturated; values[i] = 1e9f; }
                    else if (r < 0.25) mask[i] = (ushort)MaskBits.Nonlinear; // informational: the value still counts
                    if (float.IsFinite(values[i]) && (mask[i] & (ushort)MaskBits.Unusable) == 0) good.Add(values[i]);
                }
                var clean = good.ToArray();
                Assert.Equal(clean.Length, RobustStatistics.CountValid(values, mask));
                Assert.Equal(RobustStatistics.Mean(clean), RobustStatistics.Mean(values, mask));
                Assert.Equal(RobustStatistics.Median(clean), RobustStatistics.Median(values, mask));
                Assert.Equal(RobustStatistics.MadSigma(clean), RobustStatistics.MadSigma(values, mask));
                Assert.Equal(RobustStatistics.BiweightLocation(clean), RobustStatistics.BiweightLocation(values, mask: mask));
                Assert.Equal(RobustStatistics.SigmaClippedStats(clean), RobustStatistics.SigmaClippedStats(values, mask: mask));
                var sorted = clean.Select(v => (double)v).Order().ToArray();
                var expected = sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
                Assert.Equal(expected, RobustStatistics.Median(values, mask));
            }
        }

        [Fact]
        public void Given_a_mask_of_another_length_When_used_Then_it_is_refused()
            => Assert.Throws<ArgumentException>(() => RobustStatistics.Median(new float[4], new ushort[3]));

        [Fact]
        public void Given_the_input_When_statistics_run_Then_the_input_is_not_reordered()
        {
            float[] v = [5, 1, 4, 2, 3];
            RobustStatistics.Median(v);
            RobustStatistics.SigmaClippedStats(v);
            Assert.Equal(new float[] { 5, 1, 4, 2, 3 }, v);
        }
    }
}
