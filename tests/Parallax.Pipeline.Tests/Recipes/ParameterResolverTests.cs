using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Recipes;

public class ParameterResolverTests
{
    private static readonly TestRecipe Bias = new("make_bias", ["BIAS"], [], "MASTER_BIAS");

    private static ParameterLayer File(params (string Key, object? Value)[] values)
        => new(ParameterSource.UserFile, "night.yaml", values.Select(v => KeyValuePair.Create(v.Key, v.Value)).ToList());

    private static ParameterLayer Cli(params string[] pairs) => ParameterFiles.FromPairs(pairs);

    public class Resolve
    {
        [Fact]
        public void Given_no_layers_When_resolved_Then_every_parameter_has_its_default_from_the_recipe()
        {
            var r = ParameterResolver.Resolve(Bias, null, []);
            var p = (TestParameters)r.Values;
            Assert.Equal((TestMode.Mean, 1.0, 1, "a", false), (p.Mode, p.Scale, p.Repeat, p.Label, p.Flag));
            Assert.All(r.Entries, e => Assert.Equal(ParameterSource.RecipeDefault, e.Source));
        }

        [Fact]
        public void Given_the_instrument_file_sets_a_value_When_resolved_Then_it_beats_the_default_and_names_the_file()
        {
            var r = ParameterResolver.Resolve(Bias, EngineInstrument.Definition, []);
            Assert.Equal("b", ((TestParameters)r.Values).Label);
            Assert.Equal((ParameterSource.InstrumentFile, "engine-test.yaml"), (r["label"].Source, r["label"].Origin));
            Assert.Equal(ParameterSource.RecipeDefault, r["repeat"].Source);
        }

        [Fact]
        public void Given_all_four_levels_set_different_values_When_resolved_Then_command_line_beats_file_beats_instrument_beats_default()
        {
            // label: instrument b, file c, command line a. scale: instrument 1, file 2. repeat: default only.
            var r = ParameterResolver.Resolve(Bias, EngineInstrument.Definition, [Cli("label=a"), File(("label", "c"), ("scale", 2.0))]);
            var p = (TestParameters)r.Values;
            Assert.Equal(("a", ParameterSource.CommandLine), (p.Label, r["label"].Source));
            Assert.Equal((2.0, ParameterSource.UserFile, "night.yaml"), (p.Scale, r["scale"].Source, r["scale"].Origin));
            Assert.Equal((1, ParameterSource.RecipeDefault), (p.Repeat, r["repeat"].Source));
        }

        [Fact]
        public void Given_a_value_scoped_to_another_recipe_When_resolved_Then_it_is_ignored_and_one_scoped_to_this_recipe_applies()
        {
            var r = ParameterResolver.Resolve(Bias, null, [Cli("make_flat.scale=9", "make_bias.scale=3")]);
            Assert.Equal(3.0, ((TestParameters)r.Values).Scale);
        }

        [Fact]
        public void Given_text_values_of_every_kind_When_resolved_Then_each_is_converted_to_its_type()
        {
            var r = ParameterResolver.Resolve(Bias, null, [Cli("mode=sigma_clipped", "scale=2.5e0", "repeat=4", "flag=yes", "label=c")]);
            var p = (TestParameters)r.Values;
            Assert.Equal((TestMode.SigmaClipped, 2.5, 4, true, "c"), (p.Mode, p.Scale, p.Repeat, p.Flag, p.Label));
            Assert.Equal("sigma_clipped", r["mode"].Text);
        }

        [Fact]
        public void Given_an_unknown_name_close_to_a_real_one_When_resolved_Then_the_message_names_it_its_source_and_the_suggestion()
        {
            var e = Assert.Throws<ParameterException>(() => ParameterResolver.Resolve(Bias, null, [Cli("scal=2")]));
            Assert.Equal("make_bias: unknown parameter 'scal' (from the command line); did you mean 'scale'?", Assert.Single(e.Problems));
        }

        [Fact]
        public void Given_a_value_of_the_wrong_type_When_resolved_Then_the_message_says_what_is_wrong_and_where_it_came_from()
        {
            var e = Assert.Throws<ParameterException>(() => ParameterResolver.Resolve(Bias, null, [File(("repeat", "many"))]));
            Assert.Equal("make_bias: repeat: 'many' is not a whole number (from night.yaml)", Assert.Single(e.Problems));
        }

        [Fact]
        public void Given_values_out_of_range_and_not_a_choice_When_resolved_Then_every_problem_is_listed()
        {
            var e = Assert.Throws<ParameterException>(() => ParameterResolver.Resolve(Bias, null, [Cli("scale=-1", "repeat=6", "label=z", "mode=median", "flag=maybe")]));
            Assert.Equal(
                [
                    "make_bias: scale = -1 is below the minimum 0 (from the command line)",
                    "make_bias: repeat = 6 is above the maximum 5 (from the command line)",
                    "make_bias: label = 'z' is not one of a, b, c (from the command line)",
                    "make_bias: mode: 'median' is not one of mean, sum, sigma_clipped (from the command line)",
                    "make_bias: flag: 'maybe' is not true or false (from the command line)",
                ],
                e.Problems);
        }

        [Fact]
        public void Given_fields_valid_alone_but_not_together_When_resolved_Then_Validate_refuses_and_names_the_sources()
        {
            var e = Assert.Throws<ParameterException>(() => ParameterResolver.Resolve(Bias, null, [Cli("low=5"), File(("high", 2.0))]));
            Assert.Equal("make_bias: low = 5 must be below high = 2 (low from the command line, high from night.yaml)", Assert.Single(e.Problems));
        }

        [Fact]
        public void Given_an_unknown_parameter_in_the_instrument_file_When_resolved_Then_the_file_is_named()
        {
            var instrument = InstrumentLoaderFor("recipes:\n  make_bias: {clip: 3}\n");
            var e = Assert.Throws<ParameterException>(() => ParameterResolver.Resolve(Bias, instrument, []));
            Assert.StartsWith("make_bias: unknown parameter 'clip' (from instrument file bad.yaml)", Assert.Single(e.Problems));
        }

        [Fact]
        public void Given_a_plain_name_the_recipe_lacks_in_a_cascade_When_resolved_not_strictly_Then_it_is_left_for_other_recipes()
        {
            var other = new TestRecipe("other", ["X"], [], "Y");
            var layers = new[] { Cli("scale=2", "nonexistent=1") };
            var r = ParameterResolver.Resolve(other, null, layers, strictUnscoped: false);
            Assert.Equal(2.0, ((TestParameters)r.Values).Scale);
            Assert.Equal(["unknown parameter 'nonexistent' (from the command line): no recipe declares it"], ParameterResolver.UnknownKeys(layers, [other]));
        }

        private static Parallax.Pipeline.Instruments.InstrumentDefinition InstrumentLoaderFor(string recipes)
            => Parallax.Pipeline.Instruments.InstrumentLoader.Parse(EngineInstrument.Yaml[..EngineInstrument.Yaml.IndexOf("recipes:", StringComparison.Ordinal)] + recipes, "bad.yaml");
    }

    public class Canonical
    {
        [Fact]
        public void Given_the_same_values_from_different_sources_When_resolved_Then_the_canonical_text_is_the_same()
        {
            var a = ParameterResolver.Resolve(Bias, null, [Cli("scale=2")]);
            var b = ParameterResolver.Resolve(Bias, null, [File(("scale", 2.0))]);
            Assert.Equal(a.Canonical, b.Canonical);
            Assert.Contains("scale=2\n", a.Canonical);
            Assert.NotEqual(a.Canonical, ParameterResolver.Resolve(Bias, null, []).Canonical);
        }
    }
}
