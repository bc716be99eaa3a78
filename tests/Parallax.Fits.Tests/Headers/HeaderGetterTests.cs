using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Headers;

public class HeaderGetterTests
{
    private static Parallax.Fits.Headers.Header Parse(params string[] cards) => Cards.Open(Cards.Primary(cards), name: "raw/sci_001.fits").Primary.Header;

    public class GetDouble
    {
        [Fact]
        public void Given_EXPTIME_written_as_a_string_When_read_as_double_Then_the_number_is_used()
            => Assert.Equal(60.0, Parse("EXPTIME = '060.00  '").GetDouble("EXPTIME"));

        [Fact]
        public void Given_an_integer_When_read_as_double_Then_it_converts()
            => Assert.Equal(300.0, Parse("EXPTIME =                  300").GetDouble("exptime"));

        [Fact]
        public void Given_a_non_numeric_string_When_read_as_double_Then_the_error_says_file_hdu_keyword_and_value()
        {
            var e = Assert.Throws<FitsFormatException>(() => Parse("EXPTIME = 'sixty'").GetDouble("EXPTIME"));
            Assert.Equal("raw/sci_001.fits HDU 0 card 4 keyword EXPTIME: value 'sixty' is a string that does not hold a number", e.Message);
        }

        [Fact]
        public void Given_a_missing_keyword_When_read_Then_the_error_says_it_is_missing()
        {
            var e = Assert.Throws<FitsFormatException>(() => Parse().GetDouble("EXPTIME"));
            Assert.Equal("raw/sci_001.fits HDU 0 keyword EXPTIME: required keyword is missing", e.Message);
        }

        [Fact]
        public void Given_a_missing_keyword_and_a_fallback_When_read_Then_the_fallback_is_returned()
            => Assert.Equal(1.0, Parse().GetDouble("GAIN", 1.0));

        [Fact]
        public void Given_a_logical_When_read_as_double_Then_it_fails_clearly()
            => Assert.Contains("value T is not a number", Assert.Throws<FitsFormatException>(() => Parse("FLAG    =                    T").GetDouble("FLAG")).Message);
    }

    public class GetInt64
    {
        [Fact]
        public void Given_a_whole_real_When_read_as_integer_Then_it_converts()
            => Assert.Equal(2L, Parse("XBINNING=                  2.0").GetInt64("XBINNING"));

        [Fact]
        public void Given_a_fractional_real_When_read_as_integer_Then_it_fails()
            => Assert.Contains("not a whole number", Assert.Throws<FitsFormatException>(() => Parse("XBINNING=                  2.5").GetInt64("XBINNING")).Message);
    }

    public class GetBool
    {
        [Fact]
        public void Given_logical_and_text_forms_When_read_Then_both_work()
        {
            var h = Parse("A       =                    T", "B       = 'FALSE'");
            Assert.True(h.GetBool("A"));
            Assert.False(h.GetBool("B"));
            Assert.True(h.GetBool("C", true));
        }
    }
}
