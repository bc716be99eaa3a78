using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Instruments;

public class DetectorNonlinearityLoaderTests
{
    private static InstrumentDefinition Load(string detector) => InstrumentLoader.Parse(TestInstrument.Yaml + "\n" + detector, "t.yaml");

    private static InstrumentDefinitionException Fails(string detector) => Assert.Throws<InstrumentDefinitionException>(() => Load(detector));

    public class Parse
    {
        [Fact]
        public void Given_a_detector_wide_list_When_parsed_Then_it_is_the_response_with_no_limit_and_amplifiers_have_none_of_their_own()
        {
            var d = Load("detector:\n  nonlinearity: [-1.5e-7, 0.0]\n  amplifiers:\n    - {name: A}\n").Detector;
            Assert.Equal([-1.5e-7, 0.0], d.Nonlinearity!.Coefficients);
            Assert.Null(d.Nonlinearity.MaxAdu);
            Assert.Null(d.Amplifiers[0].Nonlinearity);
        }

        [Fact]
        public void Given_an_amplifier_mapping_When_parsed_Then_it_has_its_coefficients_and_valid_range()
        {
            var d = Load("detector:\n  amplifiers:\n    - {name: A, nonlinearity: {coefficients: [2.0e-7], max_adu: 50000}}\n    - {name: B}\n").Detector;
            Assert.Equal([2.0e-7], d.Amplifiers[0].Nonlinearity!.Coefficients);
            Assert.Equal(50000, d.Amplifiers[0].Nonlinearity!.MaxAdu);
            Assert.Null(d.Amplifiers[1].Nonlinearity);
            Assert.Null(d.Nonlinearity);
        }

        [Fact]
        public void Given_a_response_that_turns_over_below_max_adu_When_parsed_Then_the_file_is_refused_naming_the_field()
        {
            // 1 + 2 c2 a = 0 at a = 25000 ADU.
            var e = Fails("detector:\n  nonlinearity: {coefficients: [-2.0e-5], max_adu: 60000}\n  amplifiers:\n    - {name: A}\n");
            Assert.Contains("detector.nonlinearity", e.Message);
            Assert.Contains("cannot be inverted", e.Message);
        }

        [Theory]
        [InlineData("nonlinearity: []", "at least one coefficient")]
        [InlineData("nonlinearity: {coefficients: [1e-7], max_adu: -5}", "positive level")]
        [InlineData("nonlinearity: {coefficients: [1e-7], limit: 5}", "limit")]
        [InlineData("nonlinearity: [abc]", "must be a number")]
        public void Given_a_malformed_response_When_parsed_Then_it_is_refused(string line, string reason)
            => Assert.Contains(reason, Fails($"detector:\n  {line}\n  amplifiers:\n    - {{name: A}}\n").Message);

        [Fact]
        public void Given_the_shipped_simulator_file_When_loaded_Then_its_response_is_the_simulators()
        {
            var sim = TestPaths.Catalog.Find("parallax-sim-imager")!;
            Assert.Equal([-1.5e-7, 0.0], sim.Detector.Nonlinearity!.Coefficients);
            Assert.Equal(60000, sim.Detector.Nonlinearity.MaxAdu);
        }
    }
}
