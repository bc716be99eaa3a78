using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Tests.Engine;

public class QcCheckTests
{
    private static readonly InstrumentDefinition Instrument = InstrumentLoader.Parse("""
        name: qc-test
        identity:
          match: ["INSTRUME == 'QC'"]
        classification:
          - {category: BIAS, when: "1 == 1"}
        qc:
          MASTER_BIAS:
            noise: {min: 1, max: 20}
            level: {max: 1000}
        """, "qc-test.yaml");

    public class Failures
    {
        [Theory]
        [InlineData(1.0, 500.0)]
        [InlineData(20.0, 1000.0)]
        [InlineData(5.5, -3.0)]
        public void Given_values_inside_or_on_the_ranges_When_checked_Then_nothing_fails(double noise, double level)
            => Assert.Empty(QcCheck.Failures(Instrument, "MASTER_BIAS", new Dictionary<string, double> { ["noise"] = noise, ["level"] = level }));

        [Fact]
        public void Given_values_below_the_minimum_and_above_the_maximum_When_checked_Then_each_is_one_line_naming_the_file()
        {
            var failures = QcCheck.Failures(Instrument, "master_bias", new Dictionary<string, double> { ["noise"] = 0.5, ["level"] = 1000.5 });
            Assert.Equal(["noise = 0.5 is below the minimum 1 (qc-test.yaml)", "level = 1000.5 is above the maximum 1000 (qc-test.yaml)"], failures);
        }

        [Fact]
        public void Given_a_value_not_measured_When_checked_Then_it_does_not_fail_and_is_listed_as_unmeasured()
        {
            var unmeasured = new List<string>();
            var failures = QcCheck.Failures(Instrument, "MASTER_BIAS", new Dictionary<string, double> { ["noise"] = double.NaN }, unmeasured);
            Assert.Empty(failures);
            Assert.Equal(["QC noise was not measured; qc-test.yaml asks for 1 .. 20", "QC level was not measured; qc-test.yaml asks for <= 1000"], unmeasured);
        }

        [Fact]
        public void Given_a_product_category_without_ranges_When_checked_Then_nothing_fails()
            => Assert.Empty(QcCheck.Failures(Instrument, "MASTER_FLAT", new Dictionary<string, double> { ["noise"] = 1e9 }));
    }
}
