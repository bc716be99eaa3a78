using System.Numerics;
using System.Text;
using Parallax.Fits.Headers;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Headers;

public class HeaderRoundTripTests
{
    public class UnchangedHeader
    {
        [Fact]
        public void Given_a_header_with_odd_but_legal_cards_When_written_unchanged_Then_bytes_are_identical()
        {
            var original = Cards.Primary(
                "OBJECT  = 'NGC 4565'  /   spacing kept exactly",
                "EXPTIME =          3.000000000000E+02",
                "UNKNOWN1=   12 / free-format integer",
                "HIERARCH ESO TEL AIRM START = 1.234 / airmass",
                "LONG    = 'abc&'",
                "CONTINUE  'def'",
                "COMMENT  weird   spacing  ",
                "HISTORY x");
            var header = Cards.Open(original).Primary.Header;
            Assert.Equal(Encoding.ASCII.GetString(original), Encoding.ASCII.GetString(HeaderBlockWriter.Encode(header)));
        }
    }

    public class NewCards
    {
        [Fact]
        public void Given_new_cards_of_every_type_When_written_and_read_Then_values_survive()
        {
            var h = new Header();
            h.Set("SIMPLE", true);
            h.Set("BITPIX", 8);
            h.Set("NAXIS", 0);
            h.Set("FLOAT", 0.1, "one tenth");
            h.Set("TINY", 1e-300);
            h.Set("NEG", -2.5e10);
            h.Set("WHOLE", 3.0);
            h.Set("INT", long.MinValue);
            h.Set("CPLX", new Complex(1, -0.5));
            h.Set("QUOTE", "it's");
            h.Set("UNDEF", null, "no value");
            h.Set("HIERARCH ESO DPR TYPE", "FLAT,LAMP");
            var longText = string.Concat(Enumerable.Repeat("0123456789'", 20));
            h.Set("LONGTXT", longText, "long comment survives");
            h.AddHistory(new string('h', 100));

            var back = Cards.Open(HeaderBlockWriter.Encode(h), VerifyMode.Exception).Primary.Header;
            Assert.Equal(0.1, back["FLOAT"]);
            Assert.Equal("one tenth", back.FindCard("FLOAT")!.Comment);
            Assert.Equal(1e-300, back["TINY"]);
            Assert.Equal(-2.5e10, back["NEG"]);
            Assert.Equal(HeaderValueKind.Real, back.FindCard("WHOLE")!.Kind);
            Assert.Equal(long.MinValue, back["INT"]);
            Assert.Equal(new Complex(1, -0.5), back["CPLX"]);
            Assert.Equal("it's", back["QUOTE"]);
            Assert.Equal(HeaderValueKind.Undefined, back.FindCard("UNDEF")!.Kind);
            Assert.Equal("FLAT,LAMP", back.GetString("ESO DPR TYPE"));
            Assert.Equal(longText, back["LONGTXT"]);
            Assert.Equal("long comment survives", back.FindCard("LONGTXT")!.Comment);
            Assert.Equal(new string('h', 100), string.Concat(back.Cards.Where(c => c.Keyword == "HISTORY").Select(c => c.Comment)));
        }

        [Fact]
        public void Given_a_value_set_twice_When_written_Then_it_keeps_its_position_and_comment()
        {
            var h = new Header();
            h.Set("A", 1, "first");
            h.Set("B", 2);
            h.Set("A", 5);
            Assert.Equal(["A", "B"], h.Cards.Select(c => c.Keyword));
            Assert.Equal(5L, h["A"]);
            Assert.Equal("first", h.FindCard("A")!.Comment);
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void Given_a_non_finite_value_When_set_Then_it_is_refused(double value)
            => Assert.Throws<ArgumentException>(() => new Header().Set("BAD", value));

        [Fact]
        public void Given_an_illegal_keyword_When_set_Then_it_is_refused()
            => Assert.Throws<ArgumentException>(() => new Header().Set("BAD=KEY", 1));
    }
}
