using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Instruments;

public class ChainedStepLoaderTests
{
    private static InstrumentDefinitionException Fails(string yaml) => Assert.Throws<InstrumentDefinitionException>(() => InstrumentLoader.Parse(yaml, "bad.yaml"));

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, ChainInstrument.Yaml);
        return ChainInstrument.Yaml.Replace(from, to);
    }

    public class Parse
    {
        [Fact]
        public void Given_chained_steps_When_parsed_Then_from_group_by_and_the_input_category_are_read()
        {
            var d = ChainInstrument.Definition;
            Assert.Equal(["make_bias", "reduce", "make_bpm", "stack"], d.Cascade.Select(s => s.Recipe));
            var stack = d.Cascade[3];
            Assert.Equal(("SCIENCE", "REDUCED", "REDUCED", true), (stack.Category, stack.From, stack.InputCategory, stack.IsChained));
            Assert.Equal(["filter"], stack.GroupBy);
            Assert.Equal("reduce", d.StepFor("SCIENCE")!.Recipe);
            Assert.Equal("make_bpm", d.StepMaking("MASTER_BPM")!.Recipe);
        }

        [Fact]
        public void Given_association_rules_keyed_by_a_consumed_product_When_parsed_Then_they_serve_the_chained_step()
        {
            var d = InstrumentLoader.Parse(ChainInstrument.Yaml.Replace("\nrecipes:", "\n  REDUCED:\n    - {calibration: MASTER_BPM, match: [binning]}\nrecipes:"), "x.yaml");
            Assert.Equal(["MASTER_BPM"], d.AssociationsFor(d.Cascade[3]).Select(a => a.Calibration));
            Assert.Empty(d.AssociationsFor(d.Cascade[2]));
        }

        [Fact]
        public void Given_two_raw_steps_on_one_category_When_parsed_Then_both_are_kept_in_file_order()
        {
            var d = InstrumentLoader.Parse(Replace("  - {category: SCIENCE, recipe: reduce, product: REDUCED}",
                "  - {category: SCIENCE, recipe: reduce, product: REDUCED}\n  - {category: SCIENCE, recipe: quick, product: QUICK}"), "x.yaml");
            Assert.Equal(["reduce", "quick"], d.StepsFor("SCIENCE").Select(s => s.Recipe));
        }
    }

    public class Refusals
    {
        [Fact]
        public void Given_from_naming_a_product_of_a_later_step_When_parsed_Then_the_earlier_products_are_listed()
        {
            var e = Fails(Replace("from: MASTER_BIAS, recipe: make_bpm", "from: STACK, recipe: make_bpm"));
            Assert.Equal("cascade[2].from", e.Field);
            Assert.Contains("'STACK' is not the product of an earlier cascade step (earlier products: MASTER_BIAS, REDUCED)", e.Message);
        }

        [Fact]
        public void Given_a_chained_step_whose_category_differs_from_its_source_When_parsed_Then_it_is_refused()
        {
            var e = Fails(Replace("{category: BIAS, from: MASTER_BIAS", "{category: SCIENCE, from: MASTER_BIAS"));
            Assert.Contains("MASTER_BIAS is made from BIAS frames", e.Message);
        }

        [Fact]
        public void Given_group_by_on_a_raw_step_When_parsed_Then_it_points_to_grouping()
        {
            var e = Fails(Replace("recipe: reduce, product: REDUCED}", "recipe: reduce, product: REDUCED, group_by: [filter]}"));
            Assert.Equal("cascade[1].group_by", e.Field);
            Assert.Contains("only a step with 'from'", e.Message);
        }

        [Fact]
        public void Given_group_by_naming_no_logical_value_When_parsed_Then_the_defined_names_are_listed()
        {
            var e = Fails(Replace("group_by: [filter]", "group_by: [fillter]"));
            Assert.Contains("'fillter' is not a logical name", e.Message);
        }

        [Fact]
        public void Given_one_product_made_by_two_steps_When_parsed_Then_the_first_maker_is_named()
        {
            var e = Fails(Replace("recipe: stack, product: STACK", "recipe: stack, product: REDUCED"));
            Assert.Contains("REDUCED is already made by reduce (chain-test.yaml", e.Message.Replace("bad.yaml", "chain-test.yaml"));
        }

        [Fact]
        public void Given_one_recipe_twice_on_a_category_When_parsed_Then_it_is_refused_because_task_ids_would_clash()
        {
            var e = Fails(Replace("recipe: stack, product: STACK", "recipe: reduce, product: STACK"));
            Assert.Contains("reduce already runs on SCIENCE", e.Message);
        }

        [Fact]
        public void Given_a_chained_product_needed_by_the_step_it_is_made_from_When_parsed_Then_the_cycle_is_named_step_by_step()
        {
            var yaml = Replace("\nrecipes:", "\n  BIAS:\n    - {calibration: MASTER_BPM, match: [binning]}\nrecipes:");
            var e = Fails(yaml);
            Assert.Equal("associations.BIAS", e.Field);
            Assert.Contains("dependency cycle: make_bias (BIAS) needs MASTER_BPM from make_bpm (MASTER_BIAS) takes MASTER_BIAS from make_bias", e.Message);
        }

        [Fact]
        public void Given_an_association_key_that_is_neither_a_category_nor_a_consumed_product_When_parsed_Then_both_lists_are_given()
        {
            var e = Fails(Replace("\nrecipes:", "\n  STACK:\n    - {calibration: MASTER_BPM}\nrecipes:"));
            Assert.Contains("category 'STACK' is not assigned by any classification rule (categories: BIAS, SCIENCE) nor consumed by a 'from' step (MASTER_BIAS, REDUCED)", e.Message);
        }
    }
}
