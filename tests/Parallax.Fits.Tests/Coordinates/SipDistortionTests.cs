using Parallax.Fits.Coordinates;
using Xunit;

namespace Parallax.Fits.Tests.Coordinates;

public sealed class SipDistortionTests
{
    // A third-order distortion of a few pixels at the corners of a 2k x 2k detector.
    private static readonly double[,] A = { { 0, 0, 2e-6, -1e-9 }, { 0, 3e-6, 4e-10, 0 }, { -5e-6, 2e-9, 0, 0 }, { 1e-9, 0, 0, 0 } };
    private static readonly double[,] B = { { 0, 0, -4e-6, 3e-10 }, { 0, -2e-6, 1e-9, 0 }, { 1e-6, -3e-10, 0, 0 }, { 2e-9, 0, 0, 0 } };

    public sealed class TheDistortMethod
    {
        [Fact]
        public void Given_coefficients_When_applied_Then_equals_the_polynomial_written_out()
        {
            var sip = new SipDistortion(A, B);
            const double u = 812.5, v = -377.25;
            var f = 2e-6 * v * v - 1e-9 * v * v * v + 3e-6 * u * v + 4e-10 * u * v * v - 5e-6 * u * u + 2e-9 * u * u * v + 1e-9 * u * u * u;
            var g = -4e-6 * v * v + 3e-10 * v * v * v - 2e-6 * u * v + 1e-9 * u * v * v + 1e-6 * u * u - 3e-10 * u * u * v + 2e-9 * u * u * u;
            var (U, V) = sip.Distort(u, v);
            Assert.Equal(u + f, U, 1e-10);
            Assert.Equal(v + g, V, 1e-10);
        }

        [Fact]
        public void Given_coefficients_above_the_order_When_created_Then_they_are_ignored()
        {
            var sip = new SipDistortion(new double[,] { { 0, 0 }, { 0, 99.0 } }, new double[2, 2]);
            Assert.Equal(0.0, sip.A(1, 1));
            Assert.Equal((3.0, 4.0), sip.Distort(3.0, 4.0));
        }
    }

    public sealed class TheUndistortMethod
    {
        [Theory]
        [InlineData(0.0, 0.0)]
        [InlineData(1023.5, 1023.5)]
        [InlineData(-1023.5, 1023.5)]
        [InlineData(-1023.5, -1023.5)]
        [InlineData(17.25, -640.0)]
        public void Given_a_distorted_offset_When_inverted_without_AP_BP_Then_recovers_the_offset_to_1e10_px(double u, double v)
        {
            var sip = new SipDistortion(A, B);
            var (U, V) = sip.Distort(u, v);
            var (u2, v2) = sip.Undistort(U, V);
            Assert.Equal(u, u2, 1e-10);
            Assert.Equal(v, v2, 1e-10);
        }

        [Fact]
        public void Given_a_poor_AP_BP_When_inverted_Then_Newton_still_recovers_the_exact_offset()
        {
            // AP/BP that are merely the negated forward terms: a rough first guess only.
            var ap = (double[,])A.Clone();
            var bp = (double[,])B.Clone();
            for (var p = 0; p < 4; p++) for (var q = 0; q < 4; q++) { ap[p, q] = -ap[p, q]; bp[p, q] = -bp[p, q]; }
            var sip = new SipDistortion(A, B, ap, bp);
            Assert.True(sip.HasInverse);
            var (U, V) = sip.Distort(900.0, -850.0);
            var (u, v) = sip.Undistort(U, V);
            Assert.Equal(900.0, u, 1e-10);
            Assert.Equal(-850.0, v, 1e-10);
        }

        [Fact]
        public void Given_only_AP_When_created_Then_throws()
            => Assert.Throws<ArgumentException>(() => new SipDistortion(A, B, A, null));
    }
}
