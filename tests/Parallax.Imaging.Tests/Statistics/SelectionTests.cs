using Parallax.Imaging.Statistics;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Statistics;

/// <summary>
/// Floyd–Rivest selection against a sorted copy (Array.Sort is the independent truth) for every
/// length 0..256 and every rank, on random values, heavy ties, sorted and reversed input, and on
/// lengths above the sampling threshold (600). Exact: selection returns an element, not an estimate.
/// </summary>
public class SelectionTests
{
    private static IEnumerable<(string Kind, float[] Values)> Inputs(int n, Gaussian g)
    {
        yield return ("random", Enumerable.Range(0, n).Select(_ => (float)g.Next()).ToArray());
        yield return ("ties", Enumerable.Range(0, n).Select(_ => (float)g.Index(4)).ToArray());
        yield return ("sorted", Enumerable.Range(0, n).Select(i => (float)i).ToArray());
        yield return ("reversed", Enumerable.Range(0, n).Select(i => (float)(n - i)).ToArray());
    }

    public class Select
    {
        [Fact]
        public void Given_every_length_0_to_256_and_every_rank_When_selected_Then_the_element_is_the_sorted_one_and_partitions()
        {
            var g = new Gaussian(23);
            for (var n = 1; n <= 256; n++)
            {
                foreach (var (kind, values) in Inputs(n, g))
                {
                    var sorted = (float[])values.Clone();
                    Array.Sort(sorted);
                    // Every rank for short spans; a spread of ranks for long ones keeps the test fast.
                    var step = n <= 64 ? 1 : 7;
                    for (var k = 0; k < n; k += step)
                    {
                        var work = (float[])values.Clone();
                        var x = Selection.Select(work, k);
                        Assert.True(sorted[k] == x, $"{kind} n={n} k={k}: {x} instead of {sorted[k]}");
                        for (var i = 0; i < k; i++) Assert.True(work[i] <= x);
                        for (var i = k + 1; i < n; i++) Assert.True(work[i] >= x);
                        Array.Sort(work);
                        Assert.Equal(sorted, work);
                    }
                }
            }
        }

        [Theory]
        [InlineData(601)]
        [InlineData(5000)]
        [InlineData(100_001)]
        public void Given_lengths_above_the_sampling_threshold_When_selected_Then_the_sorted_element_is_returned(int n)
        {
            var g = new Gaussian(n);
            foreach (var (kind, values) in Inputs(n, g))
            {
                var sorted = (float[])values.Clone();
                Array.Sort(sorted);
                foreach (var k in new[] { 0, 1, n / 3, n / 2, n - 2, n - 1 })
                    Assert.True(sorted[k] == Selection.Select((float[])values.Clone(), k), $"{kind} n={n} k={k}");
            }
        }

        [Fact]
        public void Given_an_empty_span_When_a_rank_is_asked_Then_it_is_out_of_range()
            => Assert.Throws<ArgumentOutOfRangeException>(() => Selection.Select(Span<float>.Empty, 0));
    }

    public class MedianAndPercentile
    {
        [Fact]
        public void Given_every_length_0_to_256_When_median_and_percentiles_are_taken_Then_they_equal_the_sorted_definition()
        {
            var g = new Gaussian(29);
            Assert.True(double.IsNaN(Selection.Median(Span<float>.Empty)));
            for (var n = 1; n <= 256; n++)
            {
                foreach (var (kind, values) in Inputs(n, g))
                {
                    var s = values.Select(v => (double)v).Order().ToArray();
                    var median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
                    Assert.Equal(median, Selection.Median((float[])values.Clone()));
                    foreach (var q in new[] { 0.0, 5, 25, 50, 68.27, 90, 100 })
                    {
                        // Hyndman & Fan type 7: h = (n − 1)q/100, linear between the neighbouring ranks.
                        var h = (n - 1) * q / 100;
                        var lo = (int)Math.Floor(h);
                        var expected = lo >= n - 1 ? s[n - 1] : s[lo] + (h - lo) * (s[lo + 1] - s[lo]);
                        Close.Equal(expected, Selection.Percentile((float[])values.Clone(), q), 1e-12, 1e-12, $"{kind} n={n} q={q}");
                    }
                }
            }
        }

        [Fact]
        public void Given_a_percentile_outside_0_to_100_When_asked_Then_it_is_refused()
            => Assert.Throws<ArgumentOutOfRangeException>(() => Selection.Percentile(new float[] { 1, 2 }, 101));
    }
}
