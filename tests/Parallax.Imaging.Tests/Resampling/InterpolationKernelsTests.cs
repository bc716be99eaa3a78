using Parallax.Imaging.Resampling;

namespace Parallax.Imaging.Tests.Resampling;

/// <summary>The one-dimensional kernel weights against their closed forms and the polynomials each kernel reproduces exactly.</summary>
public class InterpolationKernelsTests
{
    public static TheoryData<InterpolationKernel> AllKernels => [InterpolationKernel.Nearest, InterpolationKernel.Bilinear, InterpolationKernel.Bicubic, InterpolationKernel.Lanczos3];

    private static double[] WeightsAt(InterpolationKernel k, double x, out int first)
    {
        var w = new double[InterpolationKernels.MaxTaps];
        first = InterpolationKernels.Weights(k, x, w);
        return w[..InterpolationKernels.Taps(k)];
    }

    public class Weights
    {
        [Theory]
        [MemberData(nameof(AllKernels), MemberType = typeof(InterpolationKernelsTests))]
        public void Given_an_integer_position_When_weighted_Then_that_pixel_alone_has_weight_one(InterpolationKernel k)
        {
            foreach (var x in new[] { -3.0, 0.0, 1.0, 17.0, 1e6 })
            {
                var w = WeightsAt(k, x, out var first);
                for (var i = 0; i < w.Length; i++)
                    Assert.Equal(first + i == (int)x ? 1.0 : 0.0, w[i]);
            }
        }

        [Theory]
        [MemberData(nameof(AllKernels), MemberType = typeof(InterpolationKernelsTests))]
        public void Given_any_fraction_When_weighted_Then_the_weights_sum_to_one_and_straddle_the_position(InterpolationKernel k)
        {
            for (var i = 0; i <= 1000; i++)
            {
                var x = 5 + i / 1000.0 - 1e-12 * (i % 3);
                var w = WeightsAt(k, x, out var first);
                Assert.InRange(w.Sum(), 1 - 1e-12, 1 + 1e-12);
                Assert.InRange(x - first, (w.Length - 1) / 2.0 - 0.5 - 1e-9, (w.Length - 1) / 2.0 + 0.5 + 1e-9);
            }
        }

        [Fact]
        public void Given_Lanczos3_When_weighted_Then_weights_are_the_normalised_windowed_sinc()
        {
            static double L(double d) => d == 0 ? 1 : 3 * Math.Sin(Math.PI * d) * Math.Sin(Math.PI * d / 3) / (Math.PI * Math.PI * d * d);
            foreach (var x in new[] { 0.1, 0.25, 0.5, 0.73, 0.999, 12.3456 })
            {
                var w = WeightsAt(InterpolationKernel.Lanczos3, x, out var first);
                var raw = Enumerable.Range(0, 6).Select(i => L(x - (first + i))).ToArray();
                var sum = raw.Sum();
                for (var i = 0; i < 6; i++) Assert.Equal(raw[i] / sum, w[i], 1e-12);
            }
        }

        [Fact]
        public void Given_Lanczos3_at_ten_thousand_fractions_When_weighted_Then_every_weight_matches_the_closed_form_to_1e_13()
        {
            static double L(double d) => d == 0 ? 1 : 3 * Math.Sin(Math.PI * d) * Math.Sin(Math.PI * d / 3) / (Math.PI * Math.PI * d * d);
            var worst = 0.0;
            for (var k = 1; k < 10000; k++)
            {
                var x = 3 + k / 10000.0;
                var w = WeightsAt(InterpolationKernel.Lanczos3, x, out var first);
                var raw = Enumerable.Range(0, 6).Select(i => L(x - (first + i))).ToArray();
                var sum = raw.Sum();
                for (var i = 0; i < 6; i++) worst = Math.Max(worst, Math.Abs(raw[i] / sum - w[i]));
            }
            Assert.True(worst < 1e-13, $"worst weight error {worst:G3}");
        }

        [Fact]
        public void Given_Bicubic_When_interpolating_a_quadratic_Then_it_is_exact()
        {
            // Keys (1981): the a = −0.5 cubic reproduces polynomials up to degree 2.
            static double Q(double t) => 3 - 2 * t + 0.7 * t * t;
            for (var i = 0; i < 200; i++)
            {
                var x = 10 + i * 0.0371;
                var w = WeightsAt(InterpolationKernel.Bicubic, x, out var first);
                var v = Enumerable.Range(0, 4).Sum(j => w[j] * Q(first + j));
                Assert.Equal(Q(x), v, 1e-10);
            }
        }

        [Fact]
        public void Given_Bilinear_When_interpolating_a_line_Then_it_is_exact()
        {
            for (var i = 0; i < 200; i++)
            {
                var x = -4 + i * 0.0537;
                var w = WeightsAt(InterpolationKernel.Bilinear, x, out var first);
                Assert.Equal(2.5 * x - 1, w[0] * (2.5 * first - 1) + w[1] * (2.5 * (first + 1) - 1), 1e-12);
            }
        }

        [Fact]
        public void Given_Nearest_When_weighted_Then_the_rounded_pixel_is_chosen()
        {
            WeightsAt(InterpolationKernel.Nearest, 3.49, out var a);
            WeightsAt(InterpolationKernel.Nearest, 3.51, out var b);
            WeightsAt(InterpolationKernel.Nearest, -0.49, out var c);
            Assert.Equal((3, 4, 0), (a, b, c));
        }
    }

    public class Evaluate
    {
        [Fact]
        public void Given_the_continuous_kernels_When_evaluated_Then_they_match_their_textbook_forms()
        {
            Assert.Equal(0.5, InterpolationKernels.Evaluate(InterpolationKernel.Bilinear, -0.5));
            // Keys a = −0.5 at t = 0.5: (a+2)/8 − (a+3)/4 + 1 = 0.5625; at t = 1.5: a(27/8 − 45/4 + 12 − 4) = −0.0625.
            Assert.Equal(0.5625, InterpolationKernels.Evaluate(InterpolationKernel.Bicubic, 0.5), 1e-15);
            Assert.Equal(-0.0625, InterpolationKernels.Evaluate(InterpolationKernel.Bicubic, 1.5), 1e-15);
            Assert.Equal(0.0, InterpolationKernels.Evaluate(InterpolationKernel.Lanczos3, 3.0));
            Assert.Equal(3 * Math.Sin(Math.PI * 0.5) * Math.Sin(Math.PI / 6) / (Math.PI * Math.PI * 0.25), InterpolationKernels.Evaluate(InterpolationKernel.Lanczos3, 0.5), 1e-15);
        }
    }
}
