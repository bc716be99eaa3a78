using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Tests.Rules;

public class TimeConversionsTests
{
    public class TryParseDate
    {
        // MJD values from astropy: Time('2015-05-20T01:35:27.67', scale='utc').mjd and friends.
        [Theory]
        [InlineData("2015-05-20T01:35:27.67", null, 57162.066292476854)]
        [InlineData("2025-06-25T03:16:10", null, 60851.136226851854)]
        [InlineData("2013-05-07", "02:13:42.04", 56419.09284768519)]
        [InlineData("2000-01-01T12:00:00Z", null, 51544.5)]
        [InlineData("23/08/98", null, 51048.0)]
        public void Given_a_FITS_date_When_parsed_Then_the_MJD_matches_astropy(string text, string? time, double mjd)
        {
            Assert.True(TimeConversions.TryParseDate(text, time, out var utc));
            Assert.Equal(mjd, TimeConversions.ToMjd(utc), 9);
        }

        [Theory]
        [InlineData("")]
        [InlineData("yesterday")]
        [InlineData("2015-13-40")]
        public void Given_text_that_is_not_a_date_When_parsed_Then_false(string text)
            => Assert.False(TimeConversions.TryParseDate(text, null, out _));
    }
}
