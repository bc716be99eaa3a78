using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Recipes;

public class ParameterSchemaTests
{
    public class For
    {
        [Fact]
        public void Given_a_parameter_record_When_described_Then_names_kinds_defaults_ranges_and_docs_come_from_the_attributes()
        {
            var s = ParameterSchema.For(typeof(TestParameters));
            Assert.Equal(["mode", "scale", "repeat", "label", "flag", "low", "high", "sleep_ms"], s.Parameters.Select(p => p.Name));
            var scale = s.Find("scale")!;
            Assert.Equal((ParameterKind.Number, 1.0, 0.0, 10.0, "factor", "0 .. 10"), (scale.Kind, scale.Default, scale.Minimum, scale.Maximum, scale.Unit, scale.RangeText));
            Assert.Equal(["mean", "sum", "sigma_clipped"], s.Find("mode")!.Choices);
            Assert.Equal("a | b | c", s.Find("label")!.RangeText);
            Assert.Equal("Factor applied to the result.", scale.Doc);
        }

        [Fact]
        public void Given_a_default_that_breaks_its_own_range_When_described_Then_the_schema_is_refused()
        {
            var e = Assert.Throws<InvalidOperationException>(() => ParameterSchema.For(typeof(BrokenParameters)));
            Assert.Contains("the default breaks its own rule", e.Message);
        }
    }

    public class SnakeCase
    {
        [Theory]
        [InlineData("ClipSigma", "clip_sigma")]
        [InlineData("SleepMs", "sleep_ms")]
        [InlineData("MaxADU", "max_adu")]
        [InlineData("Combine", "combine")]
        public void Given_a_property_name_When_converted_Then_it_is_snake_case(string name, string expected)
            => Assert.Equal(expected, ParameterDescriptor.SnakeCase(name));
    }

    public sealed record BrokenParameters : RecipeParameters
    {
        [Parameter("Out of its own range.", Minimum = 0, Maximum = 1)]
        public double Value { get; init; } = 2;
    }
}
