using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Rules;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Rules;

public class RuleExpressionTests
{
    private static readonly SourceLocation Here = new("test.yaml", 7, 5);

    private static bool Holds(string expression, params (string, object?)[] cards)
        => RuleExpression.Parse(expression, Here, "classification[0].when").IsTrue(FrameValues.Raw(Frames.Header(cards)));

    public class IsTrue
    {
        private const string Bias = "IMAGETYP == 'Bias Frame' || (EXPTIME == 0 && lower(OBJECT) like '%bias%')";

        [Fact]
        public void Given_the_MaxIm_DL_spelling_When_the_bias_rule_is_evaluated_Then_it_holds()
            => Assert.True(Holds(Bias, ("IMAGETYP", "Bias Frame"), ("EXPTIME", 0.0)));

        [Fact]
        public void Given_a_zero_second_frame_named_bias_in_OBJECT_When_evaluated_Then_the_OBJECT_text_decides()
        {
            Assert.True(Holds(Bias, ("IMAGETYP", "Zero"), ("EXPTIME", 0L), ("OBJECT", "Evening BIAS 3")));
            Assert.False(Holds(Bias, ("IMAGETYP", "Zero"), ("EXPTIME", 0L), ("OBJECT", "dome flat")));
            Assert.False(Holds(Bias, ("IMAGETYP", "Light Frame"), ("EXPTIME", 30.0), ("OBJECT", "bias")));
        }

        [Fact]
        public void Given_missing_keywords_When_compared_Then_the_comparison_is_false_not_an_error()
        {
            Assert.False(Holds(Bias));
            Assert.True(Holds("IMAGETYP == null && !has(FILTER)"));
            Assert.False(Holds("has(FILTER)", ("EXPTIME", 1.0)));
        }

        [Fact]
        public void Given_padded_FITS_strings_When_compared_Then_surrounding_spaces_do_not_matter()
            => Assert.True(Holds("OBJECT == 'Arcs'", ("OBJECT", "Arcs              ")));

        [Fact]
        public void Given_contains_and_like_When_case_differs_Then_contains_ignores_case_and_like_does_not()
        {
            Assert.True(Holds("contains(OBJECT, 'FLAT')", ("OBJECT", "Dome Flat")));
            Assert.False(Holds("OBJECT like '%FLAT%'", ("OBJECT", "Dome Flat")));
            Assert.True(Holds("lower(OBJECT) like '%flat%'", ("OBJECT", "Dome Flat")));
            Assert.True(Holds("OBJECT like 'Dome _lat'", ("OBJECT", "Dome Flat")));
        }

        [Fact]
        public void Given_a_hyphenated_keyword_When_written_in_brackets_Then_it_is_read()
            => Assert.True(Holds("[CCD-TEMP] < -10 && startswith([DATE-OBS], '2025')", ("CCD-TEMP", -20.5), ("DATE-OBS", "2025-06-25T03:16:10")));

        [Fact]
        public void Given_helpers_When_evaluated_Then_each_gives_its_documented_result()
        {
            Assert.True(Holds("anyof('on', LAMPA, LAMPB)", ("LAMPA", "off "), ("LAMPB", "on  ")));
            Assert.False(Holds("anyof('on', LAMPA, LAMPB)", ("LAMPA", "off"), ("LAMPB", "off")));
            Assert.True(Holds("matches(OBJECT, '^feige ?[0-9]+$')", ("OBJECT", "Feige 66")));
            Assert.True(Holds("concat(XBINNING, 'x', YBINNING) == '2x2'", ("XBINNING", 2L), ("YBINNING", 2L)));
            Assert.True(Holds("number(EXPTIME) == 60", ("EXPTIME", "060.00")));
            Assert.True(Holds("IMAGETYP in ('BIAS', 'ZERO')", ("IMAGETYP", "ZERO")));
        }

        [Fact]
        public void Given_text_compared_with_a_number_When_evaluated_Then_the_error_names_the_expression_and_place()
        {
            var e = Assert.Throws<RuleEvaluationException>(() => Holds("IMAGETYP == 1", ("IMAGETYP", "Bias Frame")));
            Assert.Contains("IMAGETYP == 1", e.Message);
            Assert.Contains("test.yaml:7:5", e.Message);
        }

        [Fact]
        public void Given_an_expression_that_yields_a_number_When_used_as_a_condition_Then_it_is_refused()
        {
            var e = Assert.Throws<RuleEvaluationException>(() => Holds("EXPTIME + 1", ("EXPTIME", 2.0)));
            Assert.Contains("not true or false", e.Message);
        }
    }

    public class Parse
    {
        [Fact]
        public void Given_an_unknown_function_When_parsed_Then_the_error_names_file_line_field_and_the_known_functions()
        {
            var e = Assert.Throws<InstrumentDefinitionException>(() => RuleExpression.Parse("lowr(OBJECT) == 'bias'", Here, "classification[0].when"));
            Assert.StartsWith("test.yaml:7:5: field 'classification[0].when':", e.Message);
            Assert.Contains("unknown function 'lowr'", e.Message);
            Assert.Contains("lower", e.Message);
        }

        [Fact]
        public void Given_broken_syntax_When_parsed_Then_the_error_quotes_the_expression()
        {
            var e = Assert.Throws<InstrumentDefinitionException>(() => RuleExpression.Parse("IMAGETYP == ", Here, "x"));
            Assert.Contains("\"IMAGETYP == \" does not parse", e.Message);
        }

        [Fact]
        public void Given_an_expression_When_parsed_Then_its_identifiers_are_listed_without_null()
        {
            var r = RuleExpression.Parse("frametype == null && lower(object) like '%bias%' && [DATE-OBS] != ''", Here, "x");
            Assert.Equal(["frametype", "object", "DATE-OBS"], r.Identifiers);
        }
    }
}
