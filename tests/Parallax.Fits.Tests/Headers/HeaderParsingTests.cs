using System.Numerics;
using Parallax.Fits.Headers;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Headers;

public class HeaderParsingTests
{
    private static Header Parse(params string[] cards) => Cards.Open(Cards.Primary(cards)).Primary.Header;

    public class ValueTypes
    {
        [Fact]
        public void Given_each_value_type_When_parsed_Then_kind_and_value_are_exact()
        {
            var h = Parse(
                "LOGT    =                    T / true",
                "LOGF    =                    F",
                "INT     =                 -123 / an integer",
                "BIGINT  =  9223372036854775807",
                "HUGEINT = 123456789012345678901234",
                "REAL    =              -1.5E-3",
                "DREAL   =            2.5D+02 / Fortran exponent",
                "NOEXP   =                  42.",
                "CPLX    =          (1.5, -2.0)",
                "STR     = 'O''Brien'           / quote inside",
                "LEADSP  = '  padded  '",
                "EMPTY   = ''",
                "UNDEF   =                      / undefined value",
                "BLANKU  =");

            Assert.Equal(true, h["LOGT"]);
            Assert.Equal(false, h["LOGF"]);
            Assert.Equal(-123L, h["INT"]);
            Assert.Equal(long.MaxValue, h["BIGINT"]);
            Assert.Equal(HeaderValueKind.Real, h.FindCard("HUGEINT")!.Kind);
            Assert.Equal(1.23456789012345678901234e23, (double)h["HUGEINT"]!, 1e-15 * 1.2e23);
            Assert.Equal(-1.5e-3, h["REAL"]);
            Assert.Equal(250.0, h["DREAL"]);
            Assert.Equal(42.0, h["NOEXP"]);
            Assert.Equal(new Complex(1.5, -2.0), h["CPLX"]);
            Assert.Equal("O'Brien", h["STR"]);
            Assert.Equal("  padded", h["LEADSP"]);
            Assert.Equal("", h["EMPTY"]);
            Assert.Null(h["UNDEF"]);
            Assert.Equal(HeaderValueKind.Undefined, h.FindCard("UNDEF")!.Kind);
            Assert.Equal("undefined value", h.FindCard("UNDEF")!.Comment);
            Assert.Equal(HeaderValueKind.Undefined, h.FindCard("BLANKU")!.Kind);
            Assert.Equal("an integer", h.FindCard("INT")!.Comment);
            Assert.Equal("quote inside", h.FindCard("STR")!.Comment);
        }

        [Fact]
        public void Given_a_slash_inside_a_string_When_parsed_Then_it_stays_in_the_value()
        {
            var h = Parse("DATE-OBS= '2025/06/24'         / local date");
            Assert.Equal("2025/06/24", h["DATE-OBS"]);
            Assert.Equal("local date", h.FindCard("DATE-OBS")!.Comment);
        }
    }

    public class Commentary
    {
        [Fact]
        public void Given_comment_history_and_blank_cards_When_parsed_Then_text_and_order_are_kept()
        {
            var h = Parse("COMMENT   first comment", "HISTORY bias subtracted", "        blank keyword text", "COMMENT second");
            var texts = h.Cards.Skip(3).Select(c => (c.Keyword, c.Comment)).ToArray();
            Assert.Equal([("COMMENT", "  first comment"), ("HISTORY", "bias subtracted"), ("", "blank keyword text"), ("COMMENT", "second")], texts);
            Assert.False(h.Contains("COMMENT") && h.FindCard("COMMENT")!.Kind != HeaderValueKind.None);
        }
    }

    public class Hierarch
    {
        [Fact]
        public void Given_ESO_hierarch_cards_When_parsed_Then_found_with_or_without_prefix()
        {
            var h = Parse(
                "HIERARCH ESO DPR CATG = 'CALIB   ' / Observation category",
                "HIERARCH ESO DET WIN1 DIT1 = 10.5 / integration time",
                "HIERARCH ESO INS FILT1 ID= 'Ks'");
            Assert.Equal("CALIB", h.GetString("HIERARCH ESO DPR CATG"));
            Assert.Equal("CALIB", h.GetString("ESO DPR CATG"));
            Assert.Equal(10.5, h.GetDouble("ESO DET WIN1 DIT1"));
            Assert.Equal("Ks", h.GetString("eso ins filt1 id"));
            Assert.True(h.FindCard("ESO DPR CATG")!.IsHierarch);
            Assert.Equal("Observation category", h.FindCard("ESO DPR CATG")!.Comment);
        }

        [Fact]
        public void Given_HIERARCH_directly_followed_by_the_value_indicator_When_parsed_Then_it_is_a_plain_keyword_card()
        {
            // Found by the fuzz test: this used to throw ArgumentOutOfRangeException.
            var h = Parse("HIERARCH= 12 / not the ESO convention");
            Assert.Equal(12L, h.GetInt64("HIERARCH"));
            Assert.False(h.FindCard("HIERARCH")!.IsHierarch);
        }
    }

    public class Continue
    {
        [Fact]
        public void Given_a_long_string_over_CONTINUE_cards_When_parsed_Then_one_value_is_assembled()
        {
            var h = Parse(
                "LONGSTR = 'This is a long string value that is continued over more than one&'",
                "CONTINUE  'keyword card using the OGIP convention, with a quote '' inside&'",
                "CONTINUE  ' and an end.' / the comment",
                "NEXT    =                    1");
            Assert.Equal("This is a long string value that is continued over more than one" +
                         "keyword card using the OGIP convention, with a quote ' inside and an end.", h["LONGSTR"]);
            Assert.Equal("the comment", h.FindCard("LONGSTR")!.Comment);
            Assert.Equal(3, h.FindCard("LONGSTR")!.OriginalImages!.Count);
            Assert.Equal(1L, h["NEXT"]);
        }
    }

    public class Problems
    {
        [Fact]
        public void Given_a_lower_case_keyword_in_exception_mode_When_opened_Then_the_error_names_file_hdu_card()
        {
            var bytes = Cards.Primary("exptime =                 10.0");
            var e = Assert.Throws<FitsFormatException>(() => Cards.Open(bytes, VerifyMode.Exception, "night/frame1.fits"));
            Assert.Equal("night/frame1.fits", e.FileName);
            Assert.Equal(0, e.HduIndex);
            Assert.Equal(4, e.CardNumber);
            Assert.StartsWith("night/frame1.fits HDU 0 card 4 keyword EXPTIME:", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }

        [Fact]
        public void Given_a_lower_case_keyword_in_fix_mode_When_opened_Then_it_is_upper_cased_and_reported()
        {
            using var f = Cards.Open(Cards.Primary("exptime =                 10.0"), VerifyMode.Fix);
            Assert.Equal(10.0, f.Primary.Header.GetDouble("EXPTIME"));
            Assert.Contains(f.Warnings, w => w.Contains("card 4") && w.Contains("fixed"));
        }

        [Fact]
        public void Given_an_unparsable_value_in_warn_mode_When_opened_Then_raw_text_is_kept_and_warned()
        {
            using var f = Cards.Open(Cards.Primary("GAIN    = 1.5e/ADU"));
            var card = f.Primary.Header.FindCard("GAIN")!;
            Assert.Equal(HeaderValueKind.Invalid, card.Kind);
            Assert.Equal("1.5e", card.Value);
            Assert.Single(f.Warnings);
        }

        [Fact]
        public void Given_a_control_byte_in_a_card_When_opened_strictly_Then_the_column_is_named()
        {
            var bytes = Cards.Primary("OBJECT  = 'M101'");
            bytes[3 * 80 + 12] = 9; // a tab inside the OBJECT card
            var e = Assert.Throws<FitsFormatException>(() => Cards.Open(bytes, VerifyMode.Exception));
            Assert.Contains("0x09 at column 13", e.Message);
            Assert.Equal(4, e.CardNumber);
        }
    }
}
