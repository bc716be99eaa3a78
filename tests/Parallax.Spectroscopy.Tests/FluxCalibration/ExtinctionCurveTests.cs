using Parallax.Spectroscopy.FluxCalibration;

namespace Parallax.Spectroscopy.Tests.FluxCalibration;

public sealed class ExtinctionCurveTests
{
    private static string Kpno => Path.Combine(RepositoryLayout.RepoRoot, "instruments", "simulation", "data", "kpnoextinct.dat");

    public sealed class Indexer
    {
        [Fact]
        public void Given_the_Kitt_Peak_curve_When_evaluated_Then_it_interpolates_linearly_and_holds_its_ends()
        {
            var k = ExtinctionCurve.Read(Kpno);
            Assert.Equal(1.017, k[3200], 12);          // first line: 3200. 1.017
            Assert.Equal((1.017 + 0.881) / 2, k[3225], 12); // half-way to 3250. 0.881
            Assert.Equal(1.017, k[2000], 12);
            Assert.Equal(k.Values[^1], k[20000], 12);
            Assert.True(double.IsNaN(k[double.NaN]));
        }
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Given_wavelengths_in_any_order_with_NaN_and_beyond_the_ends_When_evaluated_over_a_span_Then_each_equals_the_indexer()
        {
            var k = ExtinctionCurve.Read(Kpno);
            double[] w = [3000, 3200, 3225, 4000.5, 5555, 3300, double.NaN, 12000, 3300.25, 9000];
            var result = new double[w.Length];
            k.Evaluate(w, result);
            for (var i = 0; i < w.Length; i++)
                if (double.IsNaN(w[i])) Assert.True(double.IsNaN(result[i]));
                else Assert.Equal(k[w[i]], result[i], 12);
        }
    }

    public sealed class Correction
    {
        [Fact]
        public void Given_k_and_an_airmass_When_the_correction_is_taken_Then_it_is_ten_to_the_0_4_k_X()
        {
            var k = new ExtinctionCurve([(4000, 0.3), (6000, 0.1)]);
            Assert.Equal(Math.Pow(10, 0.4 * 0.2 * 1.5), k.Correction(5000, 1.5), 12);
        }
    }

    public sealed class Parse
    {
        [Fact]
        public void Given_a_line_with_one_field_When_parsed_Then_the_error_names_the_source_and_line()
        {
            var ex = Assert.Throws<FormatException>(() => ExtinctionCurve.Parse("4000 0.3\n5000\n", "ext.dat"));
            Assert.Contains("ext.dat: line 2", ex.Message);
        }
    }
}
