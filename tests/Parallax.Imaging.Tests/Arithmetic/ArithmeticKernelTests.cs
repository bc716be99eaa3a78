using Parallax.Imaging.Arithmetic;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Arithmetic;

/// <summary>
/// The vector kernels over every length 0..256 (every SIMD width and tail), with NaN, zeros and
/// infinities among the inputs. Truth: the propagation formulas evaluated in double in the test;
/// tolerance 1e-6 relative (float32 rounding of a few operations). The vector body must also be
/// bit-identical to the scalar tail, which the kernel on one-element spans exercises alone.
/// </summary>
public class ArithmeticKernelTests
{
    private delegate void Kernel(ReadOnlySpan<float> a, ReadOnlySpan<float> av, ReadOnlySpan<float> b, ReadOnlySpan<float> bv, Span<float> o, Span<float> ov);

    public static TheoryData<string> Operators => new() { "add", "subtract", "multiply", "divide" };

    private static Kernel KernelFor(string op) => op switch
    {
        "add" => ArithmeticKernels.Add,
        "subtract" => ArithmeticKernels.Subtract,
        "multiply" => ArithmeticKernels.Multiply,
        _ => ArithmeticKernels.Divide,
    };

    private static (double Value, double Variance) Reference(string op, double a, double av, double b, double bv) => op switch
    {
        "add" => (a + b, av + bv),
        "subtract" => (a - b, av + bv),
        "multiply" => (a * b, av * b * b + bv * a * a),
        _ => (a / b, av / (b * b) + bv * a * a / (b * b * b * b)),
    };

    private static float[] Values(Gaussian g, int n, bool specials)
    {
        var v = new float[n];
        for (var i = 0; i < n; i++) v[i] = (float)(g.Next() * 50 + 3);
        if (specials && n > 3)
        {
            v[g.Index(n)] = float.NaN;
            v[g.Index(n)] = 0f;
            v[g.Index(n)] = float.PositiveInfinity;
        }
        return v;
    }

    private static float[] Variances(Gaussian g, int n)
    {
        var v = new float[n];
        for (var i = 0; i < n; i++) v[i] = (float)(g.Uniform() * 10);
        return v;
    }

    public class ImageImage
    {
        [Theory]
        [MemberData(nameof(Operators), MemberType = typeof(ArithmeticKernelTests))]
        public void Given_every_length_0_to_256_When_the_kernel_runs_Then_value_and_variance_follow_the_formula(string op)
        {
            var kernel = KernelFor(op);
            var g = new Gaussian(7);
            for (var n = 0; n <= 256; n++)
            {
                var (a, av, b, bv) = (Values(g, n, true), Variances(g, n), Values(g, n, true), Variances(g, n));
                var (o, ov) = (new float[n], new float[n]);
                kernel(a, av, b, bv, o, ov);
                for (var i = 0; i < n; i++)
                {
                    var (ev, evv) = Reference(op, a[i], av[i], b[i], bv[i]);
                    // Special inputs must give the IEEE result class (NaN / infinite) the formula gives.
                    if (!double.IsFinite(ev) || !double.IsFinite(evv))
                    {
                        Assert.Equal(double.IsNaN(ev), float.IsNaN(o[i]));
                        continue;
                    }
                    Close.Equal(ev, o[i], 1e-6, 1e-6, $"{op} n={n} i={i} value");
                    Close.Equal(evv, ov[i], 1e-5, 1e-6, $"{op} n={n} i={i} variance");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Operators), MemberType = typeof(ArithmeticKernelTests))]
        public void Given_a_long_span_When_compared_with_element_by_element_calls_Then_vector_and_scalar_paths_agree_bit_for_bit(string op)
        {
            var kernel = KernelFor(op);
            var g = new Gaussian(11);
            const int n = 203;
            var (a, av, b, bv) = (Values(g, n, false), Variances(g, n), Values(g, n, false), Variances(g, n));
            var (o, ov) = (new float[n], new float[n]);
            kernel(a, av, b, bv, o, ov);
            for (var i = 0; i < n; i++)
            {
                var (so, sov) = (new float[1], new float[1]);
                kernel(a.AsSpan(i, 1), av.AsSpan(i, 1), b.AsSpan(i, 1), bv.AsSpan(i, 1), so, sov);
                Assert.Equal(BitConverter.SingleToInt32Bits(so[0]), BitConverter.SingleToInt32Bits(o[i]));
                Assert.Equal(BitConverter.SingleToInt32Bits(sov[0]), BitConverter.SingleToInt32Bits(ov[i]));
            }
        }

        [Theory]
        [MemberData(nameof(Operators), MemberType = typeof(ArithmeticKernelTests))]
        public void Given_the_destination_is_the_first_input_When_the_kernel_runs_Then_the_result_is_the_same_as_out_of_place(string op)
        {
            var kernel = KernelFor(op);
            var g = new Gaussian(13);
            const int n = 97;
            var (a, av, b, bv) = (Values(g, n, false), Variances(g, n), Values(g, n, false), Variances(g, n));
            var (o, ov) = (new float[n], new float[n]);
            kernel(a, av, b, bv, o, ov);
            kernel(a, av, b, bv, a, av);
            Assert.Equal(o, a);
            Assert.Equal(ov, av);
        }

        [Fact]
        public void Given_spans_of_different_lengths_When_a_kernel_runs_Then_it_refuses()
            => Assert.Throws<ArgumentException>(() => ArithmeticKernels.Multiply(new float[3], new float[3], new float[2], new float[2], new float[3], new float[3]));
    }

    public class ImageScalar
    {
        [Theory]
        [MemberData(nameof(Operators), MemberType = typeof(ArithmeticKernelTests))]
        public void Given_every_length_0_to_256_When_the_scalar_kernel_runs_Then_value_and_variance_follow_the_formula(string op)
        {
            var g = new Gaussian(17);
            const float c = -2.75f, cv = 0.04f;
            for (var n = 0; n <= 256; n++)
            {
                var (a, av) = (Values(g, n, true), Variances(g, n));
                var (o, ov) = (new float[n], new float[n]);
                switch (op)
                {
                    case "add": ArithmeticKernels.AddScalar(a, av, c, cv, o, ov); break;
                    case "subtract": ArithmeticKernels.SubtractScalar(a, av, c, cv, o, ov); break;
                    case "multiply": ArithmeticKernels.MultiplyScalar(a, av, c, cv, o, ov); break;
                    default: ArithmeticKernels.DivideScalar(a, av, c, cv, o, ov); break;
                }
                for (var i = 0; i < n; i++)
                {
                    var (ev, evv) = Reference(op, a[i], av[i], c, cv);
                    if (!double.IsFinite(ev))
                    {
                        Assert.Equal(double.IsNaN(ev), float.IsNaN(o[i]));
                        continue;
                    }
                    Close.Equal(ev, o[i], 1e-6, 1e-6, $"{op} n={n} i={i} value");
                    Close.Equal(evv, ov[i], 1e-5, 1e-6, $"{op} n={n} i={i} variance");
                }
            }
        }
    }

    public class MaskOr
    {
        [Fact]
        public void Given_every_length_0_to_256_When_masks_are_ored_Then_each_bit_of_either_survives()
        {
            var g = new Gaussian(19);
            for (var n = 0; n <= 256; n++)
            {
                var a = Enumerable.Range(0, n).Select(_ => (ushort)g.Index(65536)).ToArray();
                var b = Enumerable.Range(0, n).Select(_ => (ushort)g.Index(65536)).ToArray();
                var o = new ushort[n];
                ArithmeticKernels.Or(a, b, o);
                for (var i = 0; i < n; i++) Assert.Equal((ushort)(a[i] | b[i]), o[i]);
            }
        }
    }
}
