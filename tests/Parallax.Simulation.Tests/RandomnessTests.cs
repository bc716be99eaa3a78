using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Tests;

public class RandomnessTests
{
    public class FillUniform
    {
        [Fact]
        public void Given_a_key_When_filled_Then_values_lie_in_the_open_unit_interval_with_mean_one_half_and_variance_one_twelfth()
        {
            var u = new float[200_000];
            CounterRandom.FillUniform(12345, 0, u);
            Assert.All(u, v => Assert.InRange(v, float.Epsilon, 1 - float.Epsilon));
            var (mean, std) = TestModels.MeanStd(u.Select(v => (double)v));
            Assert.InRange(mean, 0.5 - 0.003, 0.5 + 0.003);          // sigma of the mean: 0.00065
            Assert.InRange(std * std, 1.0 / 12 - 0.001, 1.0 / 12 + 0.001);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(37)]
        [InlineData(256)]
        public void Given_any_length_When_filled_Then_draw_i_is_the_same_as_the_scalar_draw_i(int length)
        {
            var u = new float[length];
            CounterRandom.FillUniform(99, 5, u);
            for (var i = 0; i < length; i++) Assert.Equal(CounterRandom.Uniform(99, (uint)(5 + i)), u[i]);
        }
    }

    public class FillNormal
    {
        [Fact]
        public void Given_a_key_When_filled_Then_the_deviates_have_mean_0_variance_1_and_normal_tails()
        {
            var z = new float[200_001];
            CounterRandom.FillNormal(777, 0, z, new float[3 * 100_001]);
            var (mean, std) = TestModels.MeanStd(z.Select(v => (double)v));
            Assert.InRange(mean, -0.01, 0.01);
            Assert.InRange(std, 0.99, 1.01);
            // Normal tails: P(|z| > 2) = 0.0455, P(|z| > 3) = 0.0027.
            Assert.InRange(z.Count(v => Math.Abs(v) > 2) / (double)z.Length, 0.043, 0.048);
            Assert.InRange(z.Count(v => Math.Abs(v) > 3) / (double)z.Length, 0.0022, 0.0032);
        }

        [Fact]
        public void Given_two_keys_When_filled_Then_the_streams_are_uncorrelated()
        {
            var a = new float[100_000];
            var b = new float[100_000];
            var scratch = new float[150_000];
            CounterRandom.FillNormal(CounterRandom.Key(1, 2, 3), 0, a, scratch);
            CounterRandom.FillNormal(CounterRandom.Key(1, 2, 4), 0, b, scratch);
            var r = a.Zip(b, (x, y) => (double)x * y).Average();
            Assert.InRange(r, -0.012, 0.012);   // 1/sqrt(n) = 0.003
        }
    }

    public class Poisson
    {
        [Theory]
        [InlineData(0.3)]
        [InlineData(4.0)]
        [InlineData(29.0)]
        [InlineData(31.0)]
        [InlineData(2000.0)]
        public void Given_an_expected_count_When_sampled_Then_mean_and_variance_equal_it(double lambda)
        {
            const int n = 100_000;
            var values = Enumerable.Repeat((float)lambda, n).ToArray();
            PoissonSampler.Sample(4242, values, new float[n], new float[3 * (n / 2 + 1)]);
            var (mean, std) = TestModels.MeanStd(values.Select(v => (double)v));
            Assert.InRange(mean, lambda - 5 * Math.Sqrt(lambda / n), lambda + 5 * Math.Sqrt(lambda / n));
            Assert.InRange(std * std / lambda, 0.97, 1.03);
        }

        [Fact]
        public void Given_small_counts_When_sampled_Then_the_results_are_integers_with_poisson_probabilities()
        {
            const int n = 100_000;
            var values = Enumerable.Repeat(2f, n).ToArray();
            PoissonSampler.Sample(8, values, new float[n], new float[3 * (n / 2 + 1)]);
            Assert.All(values, v => Assert.Equal(Math.Round(v), v));
            // P(0) = e^-2 = 0.1353, P(2) = 2 e^-2 = 0.2707.
            Assert.InRange(values.Count(v => v == 0) / (double)n, 0.1353 - 0.005, 0.1353 + 0.005);
            Assert.InRange(values.Count(v => v == 2) / (double)n, 0.2707 - 0.006, 0.2707 + 0.006);
        }
    }
}
